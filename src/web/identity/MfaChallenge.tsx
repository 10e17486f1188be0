import { Button, Divider, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type SyntheticEvent, useState } from 'react';
import { isApiError } from '../api/client.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { submitSecondFactor, webauthnAuthenticationOptions } from './api.js';
import { getAssertion, webauthnSupported } from './webauthn-browser.js';

/** The second step of a sign-in: a code (app or recovery) or a security key. */
export function MfaChallenge({ onDone }: { onDone: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [code, setCode] = useState('');
  const withCode = useMutation({
    mutationFn: () => submitSecondFactor({ code: code.trim() }),
    onSuccess: onDone,
    onSettled: () => setCode(''),
  });
  const withKey = useMutation({
    mutationFn: async () =>
      submitSecondFactor({ webauthn: await getAssertion(await webauthnAuthenticationOptions()) }),
    onSuccess: onDone,
  });
  const codeError = isApiError(withCode.error)
    ? withCode.error.issues.find((i) => i.field === 'code')?.message[lang]
    : undefined;
  const onSubmit = (e: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    e.preventDefault();
    if (code.trim() !== '' && !withCode.isPending) withCode.mutate();
  };
  return (
    <Stack gap="sm" data-testid="mfa-challenge">
      <form onSubmit={onSubmit} autoComplete="off" noValidate>
        <Stack gap="xs">
          <TextInput
            label={t('identity.mfa.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="one-time-code"
            name="mamori-second-factor"
            maxLength={16}
            error={codeError}
            data-testid="mfa-code"
          />
          <Button type="submit" loading={withCode.isPending} data-testid="mfa-submit">
            {t('identity.mfa.submit')}
          </Button>
        </Stack>
      </form>
      {withCode.isError && codeError === undefined && <ApiErrorAlert error={withCode.error} />}
      {webauthnSupported() && (
        <>
          <Divider />
          <Button
            variant="light"
            onClick={() => withKey.mutate()}
            loading={withKey.isPending}
            data-testid="mfa-key"
          >
            {t('identity.mfa.useKey')}
          </Button>
          {withKey.isError &&
            (isApiError(withKey.error) ? (
              <ApiErrorAlert error={withKey.error} />
            ) : (
              <ApiErrorAlert error={new Error(t('identity.mfa.keyFailed'))} />
            ))}
        </>
      )}
    </Stack>
  );
}
