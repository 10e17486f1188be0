// The module's use cases import these from here; they live in the kernel, shared by every module.
export { allow, today } from '../../kernel/index.js';
