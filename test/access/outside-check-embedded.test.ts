import { startEmbeddedDeployment } from "./access-deployment.js";
import { describeOutsideCheck } from "./outside-check.js";

describeOutsideCheck("embedded", () => startEmbeddedDeployment(), { timeoutMs: 60_000, replicas: 1 });
