export * as zohoDesk from "./zohoDesk";
export * as zohoCrm from "./zohoCrm";
export * from "./core/errors";
