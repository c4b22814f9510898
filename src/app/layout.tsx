import { Outlet } from 'react-router';
import { useConfig } from '../config/config-context';

/** One centred card under the product name; every screen renders inside `<main>`. */
export function Layout() {
  const { productName } = useConfig();
  return (
    <div className="app-shell">
      <header className="app-header">
        <p className="app-header__product">{productName}</p>
      </header>
      <main className="card" id="main">
        <Outlet />
      </main>
    </div>
  );
}
