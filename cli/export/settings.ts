import { MissingSettingError } from "../../provider/core/errors";
import { Settings } from "../../provider/core/settings";

/** The commands run outside any stack, so settings come from the environment only (the provider's names). */
export const environmentSettings = () => new Settings(() => undefined, process.env);

/** Runs a read, saying which environment variable a missing setting is (there is no stack config to set here). */
export async function withSettingsExplained<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof MissingSettingError) {
      throw new Error(`missing setting: set the environment variable ${error.envVar} (this command reads no Pulumi config).${error.message.replace(/^[^.]*\./, "")}`);
    }
    throw error;
  }
}
