/**
 * The Zoho CRM permission catalogue the sandbox seeds into every org, owned by the sandbox.
 *
 * Source: Zoho's own v8 "Get a profile" sample (zoho/crm-oas v8.0/profiles/operations/getProfile/examples/
 * response-200-sample.md, and the README §2.2 excerpt): permission names (`Crm_Implied_View_Leads`, ...), display
 * labels, API module names, `customizable`, `parent_permissions` (Create/Edit/Delete under View; Mass Update under
 * Edit; `Customize` not customizable and without parent), and the grouping into `sections` (`module`,
 * `import_and_export`, `tool`, `other`). The real catalogue has ~2000 entries; the sandbox keeps a representative
 * subset with the same shapes.
 * Source silent: the names of the per-module Export and Mass Delete permissions (the sample lists their ids only);
 * we name them `Crm_Implied_Export_<Module>` and `Crm_Implied_Mass_Delete_<Module>` after the Mass Update ones.
 * Source silent: `customizable` of Mass Update/Delete on a custom profile (the Administrator sample says false for
 * every tool permission); we make them customizable, so clients can toggle them.
 *
 * Ids are not here: they differ per org (see seed.ts); names are the same in every org.
 */

export interface PermissionDefinition {
  /** e.g. "Crm_Implied_View_Leads" */
  name: string;
  display_label: string;
  /** API name of the module, or null when the permission is not tied to a module. */
  module: string | null;
  customizable: boolean;
  /** Names of the permissions that must be enabled before this one (null: none). */
  parents: string[] | null;
  section: string;
  /** Category (within the section) the permission is listed under. */
  category: string;
}

export interface CategoryDefinition {
  section: string;
  name: string;
  display_label: string;
  /** Present for module categories only (the sample omits `module` on the others). */
  module?: string | null;
}

interface ModuleSpec {
  /** API name of the module, e.g. "Deals". */
  module: string;
  /** Legacy name used in permission names and the category name, e.g. "Potentials" for Deals. */
  category: string;
  /** Suffix of the permission names, e.g. "Deals". */
  suffix: string;
  label: string;
}

/** Record modules, in the order of the sample's "module" section. */
const MODULES: ModuleSpec[] = [
  { module: "Leads", category: "Leads", suffix: "Leads", label: "Leads" },
  { module: "Contacts", category: "Contacts", suffix: "Contacts", label: "Contacts" },
  { module: "Accounts", category: "Accounts", suffix: "Accounts", label: "Accounts" },
  { module: "Deals", category: "Potentials", suffix: "Deals", label: "Deals" },
  { module: "Events", category: "Events", suffix: "Events", label: "Meetings" },
  { module: "Calls", category: "Calls", suffix: "Calls", label: "Calls" },
  { module: "Tasks", category: "Tasks", suffix: "Tasks", label: "Tasks" },
  { module: "Products", category: "Products", suffix: "Products", label: "Products" },
  { module: "Quotes", category: "Quotes", suffix: "Quotes", label: "Quotes" },
  { module: "Sales_Orders", category: "SalesOrders", suffix: "SalesOrders", label: "Sales Orders" },
  { module: "Campaigns", category: "Campaigns", suffix: "Campaigns", label: "Campaigns" },
  { module: "Cases", category: "Cases", suffix: "Cases", label: "Cases" },
];

function build(): { permissions: PermissionDefinition[]; categories: CategoryDefinition[] } {
  const permissions: PermissionDefinition[] = [];
  const categories: CategoryDefinition[] = [];
  const add = (p: PermissionDefinition) => permissions.push(p);

  for (const m of MODULES) {
    categories.push({ section: "module", name: m.category, display_label: m.label, module: m.module });
    const view = `Crm_Implied_View_${m.suffix}`;
    const common = { module: m.module, section: "module", category: m.category };
    add({ name: view, display_label: "View", customizable: true, parents: null, ...common });
    for (const action of ["Create", "Edit", "Delete"]) {
      add({ name: `Crm_Implied_${action}_${m.suffix}`, display_label: action, customizable: true, parents: [view], ...common });
    }
    add({ name: `Crm_Implied_Customize_${m.suffix}`, display_label: "Customize", customizable: false, parents: null, ...common });
  }
  categories.push({ section: "module", name: "Reports", display_label: "Reports", module: "Reports" });
  const reports = { module: "Reports", section: "module", category: "Reports" };
  add({ name: "Crm_Implied_View_Reports", display_label: "View", customizable: true, parents: null, ...reports });
  for (const action of ["Manage", "Schedule", "Export"]) {
    add({ name: `Crm_Implied_${action}_Reports`, display_label: action, customizable: true, parents: ["Crm_Implied_View_Reports"], ...reports });
  }
  categories.push({ section: "module", name: "Dashboards", display_label: "Analytics", module: "Analytics" });
  const dashboards = { module: "Analytics", section: "module", category: "Dashboards" };
  add({ name: "Crm_Implied_View_Dashboards", display_label: "View", customizable: true, parents: null, ...dashboards });
  for (const action of ["Manage", "Export"]) {
    add({ name: `Crm_Implied_${action}_Dashboards`, display_label: action, customizable: true, parents: ["Crm_Implied_View_Dashboards"], ...dashboards });
  }

  categories.push({ section: "import_and_export", name: "export", display_label: "Export" });
  for (const m of MODULES) {
    add({ name: `Crm_Implied_Export_${m.suffix}`, display_label: m.label, module: m.module, customizable: true,
      parents: [`Crm_Implied_View_${m.suffix}`], section: "import_and_export", category: "export" });
  }

  categories.push({ section: "tool", name: "mass_update", display_label: "Mass Update" });
  categories.push({ section: "tool", name: "mass_delete", display_label: "Mass Delete" });
  for (const m of MODULES) {
    add({ name: `Crm_Implied_Mass_Update_${m.suffix}`, display_label: m.label, module: m.module, customizable: true,
      parents: [`Crm_Implied_Edit_${m.suffix}`], section: "tool", category: "mass_update" });
  }
  for (const m of MODULES) {
    add({ name: `Crm_Implied_Mass_Delete_${m.suffix}`, display_label: m.label, module: m.module, customizable: true,
      parents: [`Crm_Implied_Delete_${m.suffix}`], section: "tool", category: "mass_delete" });
  }

  // The sample's tail: general permissions, most without a module. Values of `customizable` as in the sample.
  categories.push({ section: "other", name: "general", display_label: "General" });
  const other = { section: "other", category: "general" };
  add({ name: "Crm_Implied_Gcal_Sync", display_label: "Sync with Google Calendar", module: null, customizable: false, parents: null, ...other });
  add({ name: "Crm_Implied_View_Social", display_label: "Social Tab", module: "Social", customizable: true, parents: null, ...other });
  add({ name: "Crm_Implied_Social_Admin", display_label: "Social Admin", module: null, customizable: false, parents: null, ...other });
  add({ name: "Crm_Implied_View_Voc_Record_Insights", display_label: "Record level insights", module: null, customizable: true, parents: null, ...other });
  add({ name: "Crm_Implied_Zoho_Mobile_Integ", display_label: "Zoho Mobile Apps Access", module: null, customizable: false, parents: null, ...other });
  add({ name: "Crm_Implied_Api_Access", display_label: "Zoho CRM API Access", module: null, customizable: false, parents: null, ...other });
  return { permissions, categories };
}

const CATALOGUE = build();

export const PERMISSIONS: readonly PermissionDefinition[] = CATALOGUE.permissions;
export const CATEGORIES: readonly CategoryDefinition[] = CATALOGUE.categories;
export const SECTION_ORDER: readonly string[] = ["module", "import_and_export", "tool", "other"];
export const MODULE_SUFFIXES: readonly string[] = MODULES.map((m) => m.suffix);

export function isPermissionName(name: string): boolean {
  return PERMISSIONS.some((p) => p.name === name);
}
