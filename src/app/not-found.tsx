import { useTranslation } from '../i18n/react';
import { Link } from 'react-router';
import { paths } from './paths';
import { ScreenHeading } from './screen-heading';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('app.notFound.title')}</ScreenHeading>
      <p>{t('app.notFound.body')}</p>
      <p>
        <Link to={paths.home}>{t('app.notFound.home')}</Link>
      </p>
    </>
  );
}
