export * as zohoDesk from "./zohoDesk";
export * from "./core/errors";
