export { Agent, AgentResourceArgs, CustomRole, CustomRoleResourceArgs, Profile, ProfileResourceArgs } from "./resources";
export { AgentArgs, agentArgsSchema } from "./agent-schema";
export { CUSTOM_ROLE_PERMISSIONS, CustomRoleArgs, customRoleArgsSchema } from "./custom-role-schema";
export { ProfileArgs, profileArgsSchema } from "./profile-schema";
