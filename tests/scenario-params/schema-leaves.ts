/**
 * The scenario schema's leaves with their kind, found by walking the schema itself
 * (zod 4 keeps each schema's definition under _zod.def), so a field the catalogue
 * lacks cannot hide from the tests.
 */
import { scenarioSchema } from "@/lib/schemas/scenario";

interface Def {
  type: string;
  shape?: Record<string, Node>;
  innerType?: Node;
  element?: Node;
  options?: Node[];
  in?: Node;
}
interface Node {
  _zod: { def: Def };
}

/** Dotted path ("#" for an array index) → the leaf's zod type ("number", "string", "enum", …). */
export function schemaLeaves(): Map<string, string> {
  const leaves = new Map<string, string>();
  const walk = ({ _zod: { def } }: Node, path: string): void => {
    if (def.type === "object") for (const [key, inner] of Object.entries(def.shape!)) walk(inner, path === "" ? key : `${path}.${key}`);
    else if (["optional", "nullable", "default", "prefault", "readonly"].includes(def.type)) walk(def.innerType!, path);
    else if (def.type === "array") walk(def.element!, `${path}.#`);
    else if (def.type === "union") for (const option of def.options!) walk(option, path);
    else if (def.type === "pipe") walk(def.in!, path);
    else if (!leaves.has(path) || def.type !== "string") leaves.set(path, def.type);
  };
  walk(scenarioSchema as unknown as Node, "");
  return leaves;
}
