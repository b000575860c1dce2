"use client";

/**
 * A section's number fields as the parameter catalogue places them
 * (lib/scenario-params/editor-fields.ts): label, unit, scale, step, hint and
 * widget all come from there. The section adds only what the page alone knows
 * (a reading of the value, a dataset default, a test id) and draws the fields the
 * catalogue marks custom (selects).
 */
import { Fragment, type ReactNode } from "react";
import type { EditorSection } from "@/lib/scenario-params/catalogue";
import { editorFields, editorPaths } from "@/lib/scenario-params/editor-fields";
import { NumberField, type NumberFieldProps } from "./fields";
import { Fold } from "./fold";

interface CatalogueFieldsProps {
  section: EditorSection;
  /** Stands for "#" in the section's paths: the phone's or the speed override's index. */
  index?: number;
  /** By pattern: what the page adds to a field. */
  extra?: Readonly<Record<string, Partial<NumberFieldProps>>>;
  /** By pattern: the hand-drawn widget of a field the catalogue marks custom. */
  custom?: Readonly<Record<string, ReactNode>>;
}

export function CatalogueFields({ section, index, extra, custom }: CatalogueFieldsProps) {
  return editorFields(section).map(({ pattern, place, widget }) => {
    if (widget === "custom") {
      const drawn = custom?.[pattern];
      if (drawn === undefined) throw new Error(`the editor's ${section} section does not draw ${pattern}`);
      return <Fragment key={pattern}>{drawn}</Fragment>;
    }
    const path = pattern.split(".").map((segment) => {
      if (segment !== "#") return segment;
      if (index === undefined) throw new Error(`the editor's ${section} section needs an index for ${pattern}`);
      return index;
    });
    return (
      <NumberField
        key={pattern}
        path={path}
        nullable={widget === "nullableNumber"}
        optional={widget === "optionalNumber"}
        hint={place.hint}
        {...extra?.[pattern]}
      />
    );
  });
}

/** A fold holding one section's catalogue fields, opened by a problem at any of them. */
export function CatalogueFold({ section, title, testId }: { section: EditorSection; title: ReactNode; testId: string }) {
  return (
    <Fold title={title} paths={editorPaths(section)} testId={testId}>
      <div className="field-grid">
        <CatalogueFields section={section} />
      </div>
    </Fold>
  );
}
