import { startEmbeddedDeployment } from "./access-deployment.js";
import { describeBudget } from "./budget-check.js";

describeBudget("embedded", (env) => startEmbeddedDeployment(env), 60_000);
