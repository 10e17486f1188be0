// The demo module's only door: a synthetic hospital for trying Mamori and for tests.
export { demoLoginIds, demoPersonaKeys, type DemoPersonaKey, type Persona } from './demo-personas.js';
export { demoHospitalName, generateDemoHospital, type DemoHospital } from './generate-demo-hospital.js';
export { seedDemoHospital, type DemoSeedResult, type SeededPersona } from './seed-demo-hospital.js';
