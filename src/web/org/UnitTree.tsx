import { ActionIcon, Anchor, Badge, Box, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { unitKindLabel, unitName } from '../lib/labels.js';
import { useLang } from '../shell/useLang.js';
import type { UnitNode } from './tree.js';

const kindColor: Record<string, string> = {
  bureau: 'indigo',
  division: 'grape',
  centre: 'cyan',
  clinic: 'orange',
  section: 'gray',
};

function TreeItem({
  node,
  isOpen,
  onToggle,
}: {
  node: UnitNode;
  isOpen: (id: string) => boolean;
  onToggle: (id: string) => void;
}) {
  const { t, lang } = useLang();
  const { unit, children, depth } = node;
  const branch = children.length > 0;
  const open = branch && isOpen(unit.id);
  return (
    <li
      role="treeitem"
      aria-expanded={branch ? open : undefined}
      aria-level={depth + 1}
      data-testid="org-tree-item"
    >
      <Group gap={6} wrap="nowrap" py={3} pl={depth * 22}>
        {branch ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => onToggle(unit.id)}
            aria-label={`${open ? t('org.collapse') : t('org.expand')}: ${unitName(unit, lang)}`}
          >
            <Text fz="xs" aria-hidden>
              {open ? '▼' : '▶'}
            </Text>
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        <Badge
          size="sm"
          variant="light"
          color={kindColor[unit.kind] ?? 'gray'}
          miw={74}
          data-testid="unit-kind"
        >
          {unitKindLabel(t, unit.kind)}
        </Badge>
        <Anchor
          component={Link}
          to={`/org/units/${encodeURIComponent(unit.id)}`}
          fz="sm"
          data-testid="unit-link"
        >
          {unitName(unit, lang)}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {t('common.people', { count: unit.staffCount })}
        </Text>
      </Group>
      {open && (
        <ul role="group" className="mamori-tree">
          {children.map((c) => (
            <TreeItem key={c.unit.id} node={c} isOpen={isOpen} onToggle={onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** An expandable tree with ARIA tree semantics; `isOpen` decides which branches show their children. */
export function UnitTree({
  nodes,
  isOpen,
  onToggle,
  label,
}: {
  nodes: readonly UnitNode[];
  isOpen: (id: string) => boolean;
  onToggle: (id: string) => void;
  label: string;
}) {
  return (
    <ul role="tree" aria-label={label} className="mamori-tree" data-testid="org-tree">
      {nodes.map((n) => (
        <TreeItem key={n.unit.id} node={n} isOpen={isOpen} onToggle={onToggle} />
      ))}
    </ul>
  );
}
