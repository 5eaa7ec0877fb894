export { User, UserResourceArgs } from "./resources";
export { UserArgs, userArgsSchema } from "./schema";
