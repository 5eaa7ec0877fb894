import { z } from "zod";
import { HelpdeskError } from "../core/errors";

/** A user as IMIchat answers it (get, create, update; search entries lack the last two keys), read tolerantly. */
const userAnswer = z.looseObject({
  id: z.number(),
  first_name: z.string(),
  last_name: z.string().nullable().optional(),
  login_id: z.string(),
  email_id: z.string(),
  status: z.string(),
  job_description: z.string().nullable().optional(),
  login_using_email: z.boolean().optional(),
  role_type: z.string().optional(),
  skill_attributes: z.record(z.string(), z.unknown()).nullable().optional(),
  custom_attributes: z.record(z.string(), z.unknown()).nullable().optional(),
  privileges: z.array(z.looseObject({ teamid: z.number(), role: z.string() })).optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
});

export interface LivePrivilege {
  team: number;
  role: string;
}

export interface LiveUser {
  id: number;
  firstName: string;
  lastName: string;
  loginId: string;
  email: string;
  status: string;
  jobDescription: string;
  loginUsingEmail: boolean;
  roleType: string | null;
  skillAttributes: Record<string, unknown>;
  /** Absent from search entries. */
  customAttributes?: Record<string, unknown>;
  privileges?: LivePrivilege[];
  createdAt: string | null;
  updatedAt: string | null;
}

export function userFrom(body: unknown, where: string): LiveUser {
  const result = userAnswer.safeParse(body);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.code}`).join("; ");
    throw new HelpdeskError(`IMIchat returned an unexpected answer to ${where}: ${problems}`);
  }
  const u = result.data;
  return {
    id: u.id, firstName: u.first_name, lastName: u.last_name ?? "", loginId: u.login_id, email: u.email_id, status: u.status,
    jobDescription: u.job_description ?? "", loginUsingEmail: u.login_using_email ?? false, roleType: u.role_type ?? null,
    skillAttributes: { ...(u.skill_attributes ?? {}) },
    ...(u.custom_attributes ? { customAttributes: { ...u.custom_attributes } } : {}),
    ...(u.privileges ? { privileges: u.privileges.map((p) => ({ team: p.teamid, role: p.role })) } : {}),
    createdAt: u.created_at ?? null, updatedAt: u.updated_at ?? null,
  };
}
