import { describe } from "vitest";
import { fleetServersUnavailableReason } from "../helpers/fleet-servers.js";
import { startFleetDeployment } from "./access-deployment.js";
import { describeOutsideCheck } from "./outside-check.js";

const unavailable = fleetServersUnavailableReason();
if (unavailable) console.warn(`fleet access tests skipped: ${unavailable}`);

// Two replicas behind the emulator's load balancer: consecutive updates land on different ones.
describe.skipIf(unavailable)("fleet", () => {
  describeOutsideCheck("fleet, two replicas", () => startFleetDeployment({ replicas: 2 }), { timeoutMs: 300_000, replicas: 2 });
});
