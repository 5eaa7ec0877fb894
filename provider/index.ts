export * as zohoDesk from "./zohoDesk";
export * as zohoCrm from "./zohoCrm";
export * as chatwoot from "./chatwoot";
export * as teamworkDesk from "./teamworkDesk";
export * as imichat from "./imichat";
export * from "./core/errors";
