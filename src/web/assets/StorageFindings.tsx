import { List, Text, ThemeIcon } from '@mantine/core';
import type { StorageFindingView } from '../../shared/api-types.js';
import { useLang } from '../shell/useLang.js';

/** The storage rules of 4-2(5) a medium is judged by, each with its reason (the evidence it rests on). */
export function StorageFindings({ findings }: { findings: readonly StorageFindingView[] }) {
  const { lang } = useLang();
  if (findings.length === 0)
    return (
      <Text fz="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <List spacing={2} size="xs" data-testid="storage-findings">
      {findings.map((f) => (
        <List.Item
          key={f.clauseId}
          data-ok={String(f.ok)}
          data-clause={f.clauseId}
          icon={
            <ThemeIcon size={14} radius="xl" color={f.ok ? 'teal' : 'red'}>
              <Text fz={9} c="white">
                {f.ok ? '○' : '×'}
              </Text>
            </ThemeIcon>
          }
        >
          {f.reason[lang]}
        </List.Item>
      ))}
    </List>
  );
}
