export { HelpdeskError } from "./helpdesk-error";
export { VendorApiError } from "./vendor-api-error";
export { VendorUnreachableError } from "./vendor-unreachable-error";
export { MissingSettingError } from "./missing-setting-error";
export { InvalidSettingError } from "./invalid-setting-error";
export { RefusedOperationError } from "./refused-operation-error";
export { PartialCreateError } from "./partial-create-error";
export { CredentialsRefusedError } from "./credentials-refused-error";
