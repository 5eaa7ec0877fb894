export { Profile, ProfilePermissionSet, ProfilePermissionSetResourceArgs, ProfileResourceArgs } from "./resources";
export { permissionMatrix } from "./permission-matrix";
export { DeskPermissions, ProfileArgs, profileArgsSchema } from "./schema";
export { ProfilePermissionSetArgs, profilePermissionSetArgsSchema } from "./profile-permission-set-schema";
