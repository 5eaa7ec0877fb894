export * as zohoDesk from "./zohoDesk";
export * as zohoCrm from "./zohoCrm";
export * as chatwoot from "./chatwoot";
export * from "./core/errors";
