import { Button, Code, Group, Image, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type SyntheticEvent, useState } from 'react';
import { isApiError } from '../api/client.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import {
  confirmTotp,
  type EnrolmentResult,
  registerWebauthn,
  startTotp,
  type TotpEnrolment,
  webauthnRegistrationOptions,
} from './api.js';
import { createCredential, webauthnSupported } from './webauthn-browser.js';

/** Enrols an authenticator app (QR code, then a code from the app) or a security key / passkey (WebAuthn). */
export function MfaEnrolment({ onDone }: { onDone: (result: EnrolmentResult) => void }) {
  const { t, lang } = useLang();
  const [kind, setKind] = useState<'totp' | 'webauthn'>('totp');
  const [label, setLabel] = useState('');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const start = useMutation({
    mutationFn: () => startTotp(label.trim() || t('identity.mfa.appLabel')),
    onSuccess: setEnrolment,
  });
  const confirm = useMutation({
    mutationFn: () => confirmTotp(enrolment?.factorId ?? '', code.trim()),
    onSuccess: onDone,
    onError: () => setCode(''),
  });
  const key = useMutation({
    mutationFn: async () => {
      const options = await webauthnRegistrationOptions();
      const response = await createCredential(options);
      return registerWebauthn(label.trim() || t('identity.mfa.keyLabel'), response);
    },
    onSuccess: onDone,
  });
  const codeError = isApiError(confirm.error)
    ? confirm.error.issues.find((i) => i.field === 'code')?.message[lang]
    : undefined;
  const onConfirm = (e: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    e.preventDefault();
    if (code.trim() !== '' && !confirm.isPending) confirm.mutate();
  };
  return (
    <Stack gap="sm" data-testid="mfa-enrolment">
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v === 'webauthn' ? 'webauthn' : 'totp')}
        data={[
          { value: 'totp', label: t('identity.mfa.app') },
          { value: 'webauthn', label: t('identity.mfa.key') },
        ]}
        data-testid="mfa-kind"
      />
      <TextInput
        label={t('identity.mfa.label')}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        maxLength={60}
        data-testid="mfa-label"
      />
      {kind === 'totp' && enrolment === null && (
        <div>
          <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="totp-start">
            {t('identity.mfa.start')}
          </Button>
        </div>
      )}
      {kind === 'totp' && enrolment !== null && (
        <form onSubmit={onConfirm} autoComplete="off" noValidate>
          <Stack gap="xs">
            <Text fz="sm">{t('identity.mfa.scan')}</Text>
            <Image
              src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
              w={200}
              h={200}
              alt="QR"
              data-testid="totp-qr"
            />
            <Group gap="xs">
              <Text fz="xs">{t('identity.mfa.secret')}:</Text>
              <Code data-testid="totp-secret">{enrolment.secret}</Code>
            </Group>
            <TextInput
              label={t('identity.mfa.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              error={codeError}
              data-testid="totp-code"
            />
            <div>
              <Button type="submit" loading={confirm.isPending} data-testid="totp-confirm">
                {t('identity.mfa.confirm')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
      {kind === 'webauthn' &&
        (webauthnSupported() ? (
          <div>
            <Button onClick={() => key.mutate()} loading={key.isPending} data-testid="key-register">
              {t('identity.mfa.registerKey')}
            </Button>
          </div>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('identity.mfa.unsupported')}
          </Text>
        ))}
      {start.isError && <ApiErrorAlert error={start.error} />}
      {confirm.isError && codeError === undefined && <ApiErrorAlert error={confirm.error} />}
      {key.isError && <ApiErrorAlert error={key.error} />}
    </Stack>
  );
}
