// China's official arrangement as shipped with the service. The JSON is generated once from the
// `chinese-days` package by scripts/export-cn-calendar.ts and is then the source of truth: admins may correct
// a year or add one (2027 once the State Council publishes it) by editing the file, without a code change.
// Importing the file is not I/O at call time: it is bundled data, validated once when this module loads.

import cnMainlandJson from "../../../templates/calendars/cn-mainland.json" with { type: "json" };
import { parseOfficialArrangement, type OfficialArrangement } from "./holiday-data.js";

/** China's arrangement from templates/calendars/cn-mainland.json; throws at load if the file is malformed. */
export const CN_MAINLAND_ARRANGEMENT: OfficialArrangement = parseOfficialArrangement(cnMainlandJson);
