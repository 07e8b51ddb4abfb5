import { describe, expect, it } from "vitest";
import { FLEET_INSTALL_HINT, fleetSkipNotice } from "../helpers/fleet-servers.js";

describe("npm test without redis-server and PostgreSQL", () => {
  it("names the skipped fleet tests, says why, and tells in one line how to install the servers", () => {
    const notice = fleetSkipNotice("/usr/bin/redis-server is not installed (apt-get install redis-server)", ["test/fleet/intake.test.ts", "test/fleet/shared-state.test.ts"]);
    expect(notice).toBe(
      [
        "Skipped the fleet tests, which need redis-server and PostgreSQL: /usr/bin/redis-server is not installed (apt-get install redis-server).",
        "  Skipped: test/fleet/intake.test.ts, test/fleet/shared-state.test.ts",
        `  ${FLEET_INSTALL_HINT}`,
      ].join("\n"),
    );
  });

  it("says nothing when the servers are there", () => {
    expect(fleetSkipNotice(undefined, ["test/fleet/intake.test.ts"])).toBeUndefined();
  });
});
