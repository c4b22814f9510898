import { Outlet } from 'react-router';
import { useConfig } from '../config/config-context';
import { AnnouncerProvider } from '../ui/announcer';
import { LanguageSwitcher } from '../ui/language-switcher';
import { useProductName } from './product-name';

/** One centred card under the product name (and logo); every screen renders inside `<main>`. */
export function Layout() {
  const { logoUrl } = useConfig();
  const productName = useProductName();
  return (
    <AnnouncerProvider>
      <div className="app-shell">
        <header className="app-header">
          <div className="app-header__brand">
            {/* The product name stands beside the logo, so the image itself is decoration (empty alt). */}
            {logoUrl ? <img className="app-header__logo" src={logoUrl} alt="" /> : null}
            <p className="app-header__product">{productName}</p>
          </div>
          <LanguageSwitcher />
        </header>
        <main className="card" id="main">
          <Outlet />
        </main>
      </div>
    </AnnouncerProvider>
  );
}
