/// <reference types="vite/client" />
/**
 * The minimal app a team might write by hand instead (issue 12): amazon-cognito-identity-js, react-hook-form
 * with a zod schema, and react-router, with a sign-in route at the page's base and an account route after it,
 * in front of the same local pool. The SDK is imported statically, as such an app would. Built by
 * `npm run bench` only (scripts/bench/build.ts), with the pool baked in at build time.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { createBrowserRouter, RouterProvider, useNavigate } from 'react-router';
import { z } from 'zod';

declare const __BENCH_POOL__: { userPoolId: string; userPoolClientId: string; endpoint: string };

const pool = new CognitoUserPool({
  UserPoolId: __BENCH_POOL__.userPoolId,
  ClientId: __BENCH_POOL__.userPoolClientId,
  endpoint: __BENCH_POOL__.endpoint,
});

const signInSchema = z.object({
  username: z.string().min(1, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.'),
});
type SignInValues = z.infer<typeof signInSchema>;

function signIn({ username, password }: SignInValues): Promise<void> {
  const user = new CognitoUser({ Username: username, Pool: pool });
  user.setAuthenticationFlowType('USER_SRP_AUTH');
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: () => resolve(),
      onFailure: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      newPasswordRequired: () => reject(new Error('A new password is required.')),
      mfaRequired: () => reject(new Error('A code is required.')),
      totpRequired: () => reject(new Error('A code is required.')),
    });
  });
}

function SignIn() {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { username: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values);
      await navigate('/account');
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Sign-in failed.');
    }
  });

  return (
    <main>
      <form noValidate onSubmit={onSubmit}>
        <h1>Sign in</h1>
        <label htmlFor="username">Username</label>
        <input id="username" autoComplete="username" aria-invalid={errors.username ? true : undefined} {...register('username')} />
        {errors.username && <p role="alert">{errors.username.message}</p>}
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          {...register('password')}
        />
        {errors.password && <p role="alert">{errors.password.message}</p>}
        {failure && <p role="alert">{failure}</p>}
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

function Account() {
  return (
    <main>
      <h1>Your account</h1>
    </main>
  );
}

const router = createBrowserRouter(
  [
    { path: '/', element: <SignIn /> },
    { path: '/account', element: <Account /> },
  ],
  { basename: import.meta.env.BASE_URL },
);

const container = document.getElementById('root');
if (!container) throw new Error('The hand-made page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
