export { Profile, ProfileResourceArgs } from "./resources";
export { permissionMatrix } from "./permission-matrix";
export { DeskPermissions, ProfileArgs, profileArgsSchema } from "./schema";
