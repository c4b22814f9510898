import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/react';
import { useProductName } from './product-name';

/**
 * Names the screen: sets `document.title` to "<title> – <product>" and moves focus to the heading when
 * the screen mounts, so a screen-reader user hears where a route change took them.
 */
export function useScreenHeading(title: string) {
  const { t } = useTranslation();
  const productName = useProductName();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { title, productName });
  }, [t, title, productName]);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return ref;
}

/** The screen's `<h1>`: one per screen. `title` defaults to the heading text when that is a string. */
export function ScreenHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useScreenHeading(title ?? (typeof children === 'string' ? children : ''));
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
