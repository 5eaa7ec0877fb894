import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// The pack's entry point (policy/package.json "main"): constructing the pack starts the analyzer the engine talks to.
new PolicyPack("pulumi-helpdesk", { policies });
