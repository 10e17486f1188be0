// The org module's only door (第3 組織体制).
export * from './org.schema.js';
export type { ContactChart, ContactHolder, ContactNode } from './contact-chart.model.js';
