import { SCIM_ENTERPRISE, SCIM_MAMORI, SCIM_USER } from './scim.schema.js';

/** RFC 7644 §4: what this service provider supports, for HR systems that read it before syncing. */
export const serviceProviderConfig = (baseUrl: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  documentationUri: `${baseUrl}/api/docs`,
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'Bearer token',
      description: 'A token issued in Mamori by the Security Director (identity.manageScim), shown once.',
      primary: true,
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/scim/v2/ServiceProviderConfig` },
});

export const resourceTypes = (baseUrl: string) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 1,
  Resources: [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      schema: SCIM_USER,
      schemaExtensions: [
        { schema: SCIM_ENTERPRISE, required: true },
        { schema: SCIM_MAMORI, required: false },
      ],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/scim/v2/ResourceTypes/User` },
    },
  ],
});

const attribute = (name: string, description: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'string',
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

export const schemas = () => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 1,
  Resources: [
    {
      id: SCIM_MAMORI,
      name: 'HospitalUser',
      description: "Mamori's staff record: what a hospital needs beyond SCIM's core User.",
      attributes: [
        attribute('nameKana', 'The name in katakana or hiragana (氏名カナ); required for a hire.'),
        attribute('employment', 'regular | partTime | temporary'),
        attribute('category', 'employee | contractor'),
        attribute('organization', "A contractor's company."),
        attribute('positionCode', 'The position code (職位コード).'),
        attribute('startDate', 'The first day (YYYY-MM-DD); today when absent.'),
      ],
    },
  ],
});
