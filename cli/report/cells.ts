/** One switch of a permission matrix: a module (a row of the vendor's screen) and a key within it. */
export interface Cell {
  module: string;
  key: string;
}

/** The switches a resource's inputs declare, by "module.key", each on or off. */
export type Cells = Map<string, Cell & { on: boolean }>;

const cellId = (cell: Cell) => `${cell.module}.${cell.key}`;

function cellsOf(entries: Array<Cell & { on: boolean }>): Cells {
  return new Map(entries.map((entry) => [cellId(entry), entry]));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Zoho Desk: `{ tickets: { delete: false } }`; the module is the outer key. */
export function moduleMatrix(permissions: unknown): Cells {
  if (!isRecord(permissions)) return new Map();
  return cellsOf(
    Object.entries(permissions).flatMap(([module, keys]) =>
      isRecord(keys) ? Object.entries(keys).filter(([, on]) => typeof on === "boolean").map(([key, on]) => ({ module, key, on: on as boolean })) : [],
    ),
  );
}

/**
 * Zoho CRM: `{ Crm_Implied_Delete_Leads: false }`. Names follow `Crm_Implied_<Action>_<Module>`; the module is what
 * follows the action. A name of another shape (an org-wide switch such as Crm_Implied_Gcal_Sync) goes to "general".
 */
export function namedSwitches(permissions: unknown): Cells {
  if (!isRecord(permissions)) return new Map();
  return cellsOf(
    Object.entries(permissions).filter(([, on]) => typeof on === "boolean").map(([name, on]) => ({ ...crmCell(name), on: on as boolean })),
  );
}

const CRM_ACTIONS = ["Mass_Update", "Mass_Delete", "Mass_Transfer", "View", "Create", "Edit", "Delete", "Import", "Export", "Customize", "Share", "Print", "Convert"];

function crmCell(name: string): Cell {
  const rest = name.replace(/^Crm_Implied_/, "");
  const action = CRM_ACTIONS.find((candidate) => rest.startsWith(`${candidate}_`));
  return action ? { module: rest.slice(action.length + 1), key: name } : { module: "general", key: name };
}

/**
 * Chatwoot custom roles: a list of granted permissions (`conversation_unassigned_manage`); a permission left out is
 * off. Conversations have three scopes, so they form one module; every other permission is a module of its own.
 */
export function grantedList(permissions: unknown): Cells {
  const granted = Array.isArray(permissions) ? permissions.filter((p): p is string => typeof p === "string") : [];
  return cellsOf(granted.map((name) => ({ ...chatwootCell(name), on: true })));
}

function chatwootCell(name: string): Cell {
  const scope = name.replace(/_manage$/, "");
  if (scope === "conversation") return { module: "conversation", key: "all" };
  if (scope.startsWith("conversation_")) return { module: "conversation", key: scope.slice("conversation_".length) };
  return { module: scope, key: "manage" };
}
