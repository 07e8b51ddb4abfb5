import { startEmbeddedDeployment } from "./access-deployment.js";
import { describeOutsideCheck } from "./outside-check.js";

describeOutsideCheck("embedded", () => startEmbeddedDeployment(), 60_000);
