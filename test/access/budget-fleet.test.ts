import { describe } from "vitest";
import { fleetServersUnavailableReason } from "../helpers/fleet-servers.js";
import { startFleetDeployment } from "./access-deployment.js";
import { describeBudget } from "./budget-check.js";

const unavailable = fleetServersUnavailableReason();
if (unavailable) console.warn(`fleet access tests skipped: ${unavailable}`);

// The budget is counted in Redis: a user's questions alternate between the two replicas.
describe.skipIf(unavailable)("fleet", () => {
  describeBudget("fleet, two replicas", (env) => startFleetDeployment({ replicas: 2, extraEnv: env }), 300_000);
});
