export { Profile, ProfilePermissionSet, ProfilePermissionSetResourceArgs, ProfileResourceArgs } from "./resources";
export { CrmPermissions, ProfileArgs, profileArgsSchema } from "./schema";
export { ProfilePermissionSetArgs, profilePermissionSetArgsSchema } from "./profile-permission-set-schema";
