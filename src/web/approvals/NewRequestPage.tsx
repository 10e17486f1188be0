import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ApprovalTypeView } from '../../shared/api-types.js';
import { isApiError } from '../api/client.js';
import { useCurrentSession } from '../identity/session.js';
import { roleLabel, unitName } from '../lib/labels.js';
import { useUnits } from '../org/api.js';
import { ApiErrorAlert, QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import {
  approvalKeys,
  recordEmergency,
  saveDraft,
  submitNew,
  useRequestTypes,
  type FormValue,
  type FormValues,
} from './api.js';
import { FormFields } from './FormFields.js';

function RouteSummary({ type }: { type: ApprovalTypeView }) {
  const { t, lang } = useLang();
  return (
    <Stack gap={4} data-testid="new-route">
      <Text fz="sm">
        <Text span fw={600}>
          {t('approvals.new.clauses')}:{' '}
        </Text>
        {type.clauses.map((c) => c.display).join('、')}
      </Text>
      <Text fz="sm" fw={600}>
        {t('approvals.new.route')}
      </Text>
      <Group gap="xs">
        {type.route.map((step, i) => (
          <Badge key={`${step.role}-${String(i)}`} variant="light" size="lg" tt="none">
            {`${String(i + 1)}. ${t(`approvals.of.${step.of}`, { role: roleLabel(t, step.role) })}`}
            {step.onlyWhen === null
              ? ''
              : ` ${t('approvals.new.onlyWhen', { condition: step.onlyWhen[lang] })}`}
          </Badge>
        ))}
      </Group>
      {type.appliesWhen !== null && (
        <Text fz="sm" c="dimmed">
          {t('approvals.new.appliesWhen', { condition: type.appliesWhen[lang] })}
        </Text>
      )}
      {type.mode === 'postFacto' && (
        <Alert color="orange" variant="light">
          {t('approvals.new.postFacto')}
        </Alert>
      )}
    </Stack>
  );
}

/** Values given in the address (`f.<key>`), typed as the form's fields want them. */
const prefilled = (type: ApprovalTypeView, params: URLSearchParams): FormValues => {
  const out: FormValues = {};
  for (const field of type.form) {
    const raw = params.get(`f.${field.key}`);
    if (raw === null) continue;
    out[field.key] = field.type === 'classification' || field.type === 'number' ? Number(raw) : raw;
  }
  return out;
};

/** The form of one type, generated from its form schema; the server checks it and names any field it refuses. */
function RequestForm({ type }: { type: ApprovalTypeView }) {
  const { t, lang } = useLang();
  const session = useCurrentSession();
  const units = useUnits();
  const navigate = useNavigate();
  const client = useQueryClient();
  // A module's page may open the form about one of its records (?ref=asset:…) with values filled in (?f.<key>=…).
  const [params] = useSearchParams();
  const resourceRef = params.get('ref');
  const [values, setValues] = useState<FormValues>(() => prefilled(type, params));
  const [ownerUnit, setOwnerUnit] = useState<string>(session.account.unit?.id ?? '');
  const [carriedOutAt, setCarriedOutAt] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useMemo(() => {
    const map = new Map<string, string>();
    if (isApiError(error)) for (const issue of error.issues) map.set(issue.field, issue.message[lang]);
    return map;
  }, [error, lang]);
  const describeField = (field: string, l: 'ja' | 'en'): string => {
    const key = field.startsWith('form.') ? field.slice(5) : null;
    return type.form.find((f) => f.key === key)?.label[l] ?? field;
  };

  const send = async (how: 'submit' | 'draft' | 'record') => {
    setBusy(true);
    setError(null);
    const body = {
      typeId: type.id,
      form: values,
      ...(type.asksOwnerUnit ? { resourceUnitId: ownerUnit } : {}),
      ...(resourceRef === null ? {} : { resourceRef }),
    };
    try {
      const created =
        how === 'record'
          ? await recordEmergency({
              ...body,
              carriedOutAt: carriedOutAt === '' ? '' : new Date(carriedOutAt).toISOString(),
            })
          : how === 'submit'
            ? await submitNew(body)
            : await saveDraft(body);
      await client.invalidateQueries({ queryKey: approvalKeys.all });
      await navigate(`/approvals/requests/${encodeURIComponent(created.id)}`, {
        state: { done: how === 'submit' ? 'submitted' : how === 'draft' ? 'saved' : 'recorded' },
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form
        data-testid="request-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send(type.mode === 'postFacto' ? 'record' : 'submit');
        }}
      >
        <Stack gap="md">
          <RouteSummary type={type} />
          {resourceRef !== null && (
            <Alert color="blue" variant="light" data-testid="new-record">
              {t('approvals.new.aboutRecord', { ref: resourceRef })}
            </Alert>
          )}
          {type.asksOwnerUnit && resourceRef === null && (
            <NativeSelect
              label={t('approvals.new.ownerUnit')}
              data-testid="field-resourceUnitId"
              error={errors.get('resourceUnitId')}
              value={ownerUnit}
              onChange={(e) => setOwnerUnit(e.currentTarget.value)}
              data={(units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, lang) }))}
            />
          )}
          {type.mode === 'postFacto' && (
            <TextInput
              type="datetime-local"
              w={260}
              withAsterisk
              label={t('approvals.new.carriedOutAt')}
              data-testid="field-carriedOutAt"
              error={errors.get('carriedOutAt')}
              value={carriedOutAt}
              onChange={(e) => setCarriedOutAt(e.currentTarget.value)}
            />
          )}
          <FormFields
            fields={type.form}
            values={values}
            errors={errors}
            onChange={(key: string, value: FormValue) => setValues((v) => ({ ...v, [key]: value }))}
          />
          {error !== null && <ApiErrorAlert error={error} describeField={describeField} />}
          <Group>
            {type.mode === 'postFacto' ? (
              <Button type="submit" loading={busy} data-testid="request-record">
                {t('approvals.new.record')}
              </Button>
            ) : (
              <>
                <Button type="submit" loading={busy} data-testid="request-submit">
                  {t('approvals.new.submit')}
                </Button>
                <Button
                  variant="default"
                  disabled={busy}
                  onClick={() => void send('draft')}
                  data-testid="request-save"
                >
                  {t('approvals.new.saveDraft')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** 新しい申請: choose a type, fill in its form, submit (or save a draft; or record an emergency exception). */
export function NewRequestPage() {
  const { t, lang } = useLang();
  useTitle(t('approvals.new.title'));
  const types = useRequestTypes();
  const [params, setParams] = useSearchParams();
  const typeId = params.get('type') ?? '';
  return (
    <Stack gap="md" data-testid="new-request-page">
      <Title order={1} fz="h2">
        {t('approvals.new.title')}
      </Title>
      <Text c="dimmed" fz="sm">
        {t('approvals.new.lead')}
      </Text>
      <QueryView query={types}>
        {(list) => {
          const type = list.find((x) => x.id === typeId);
          return (
            <Stack gap="md">
              <NativeSelect
                label={t('approvals.new.chooseType')}
                data-testid="new-type"
                value={typeId}
                onChange={(e) =>
                  setParams(e.currentTarget.value === '' ? {} : { type: e.currentTarget.value })
                }
                data={[
                  { value: '', label: t('approvals.new.select') },
                  ...list.map((x) => ({
                    value: x.id,
                    label: `${x.name[lang]}（${x.clauses[0]?.display ?? ''}）`,
                  })),
                ]}
              />
              {type !== undefined && <RequestForm key={type.id} type={type} />}
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}
