/**
 * The scatter charts' points as the browser receives them: one array per field, and each
 * string (a run's label, a source, a reason) once in a table that points name by index.
 * A client component's props are written into the page's HTML, and as objects the
 * sampled points' repeated keys and labels were most of /benchmarks' bytes. The derived
 * figures (the bound and the share of it) are recomputed on unpacking by the same
 * arithmetic as lib/charts/roofline.ts, so they come out identical.
 */
import type { MemoryPoint, MemoryVsSize } from "@/lib/charts/memory-vs-size";
import type { ImplausiblePoint, Roofline, RooflinePoint } from "@/lib/charts/roofline";
import type { DataStatus } from "@/lib/schemas/benchmark-file";

type StringTable = ReturnType<typeof stringTable>;

function stringTable() {
  const strings: string[] = [];
  const index = new Map<string, number>();
  return {
    strings,
    of(s: string): number {
      let at = index.get(s);
      if (at === undefined) {
        at = strings.length;
        strings.push(s);
        index.set(s, at);
      }
      return at;
    },
  };
}

interface PackedRooflinePoints {
  id: number[];
  label: number[];
  status: DataStatus[];
  memoryBandwidthGBps: number[];
  gbReadPerToken: number[];
  decodeTokensPerSec: number[];
}

interface PackedImplausiblePoints extends PackedRooflinePoints {
  sourceTitle: number[];
  reason: number[];
}

export interface PackedRoofline extends Omit<Roofline, "plausible" | "implausible"> {
  strings: string[];
  plausible: PackedRooflinePoints;
  implausible: PackedImplausiblePoints;
}

function packPoints(points: RooflinePoint[], text: (s: string) => number): PackedRooflinePoints {
  return {
    id: points.map((p) => p.id),
    label: points.map((p) => text(p.label)),
    status: points.map((p) => p.status),
    memoryBandwidthGBps: points.map((p) => p.memoryBandwidthGBps),
    gbReadPerToken: points.map((p) => p.gbReadPerToken),
    decodeTokensPerSec: points.map((p) => p.decodeTokensPerSec),
  };
}

export function packRoofline({ plausible, implausible, ...rest }: Roofline, table: StringTable = stringTable()): PackedRoofline {
  const text = (s: string) => table.of(s);
  return {
    ...rest,
    plausible: packPoints(plausible, text),
    implausible: {
      ...packPoints(implausible, text),
      sourceTitle: implausible.map((p) => text(p.sourceTitle)),
      reason: implausible.map((p) => text(p.reason)),
    },
    strings: table.strings,
  };
}

function unpackPoints(packed: PackedRooflinePoints, strings: string[]): RooflinePoint[] {
  return packed.id.map((id, i) => {
    const memoryBandwidthGBps = packed.memoryBandwidthGBps[i]!;
    const gbReadPerToken = packed.gbReadPerToken[i]!;
    const decodeTokensPerSec = packed.decodeTokensPerSec[i]!;
    const boundTokensPerSec = memoryBandwidthGBps / gbReadPerToken;
    return {
      id,
      label: strings[packed.label[i]!]!,
      status: packed.status[i]!,
      memoryBandwidthGBps,
      gbReadPerToken,
      boundTokensPerSec,
      decodeTokensPerSec,
      shareOfBound: decodeTokensPerSec / boundTokensPerSec,
    };
  });
}

export function unpackRoofline({ plausible, implausible, strings, ...rest }: PackedRoofline): Roofline {
  return {
    ...rest,
    plausible: unpackPoints(plausible, strings),
    implausible: unpackPoints(implausible, strings).map(
      (p, i): ImplausiblePoint => ({ ...p, sourceTitle: strings[implausible.sourceTitle[i]!]!, reason: strings[implausible.reason[i]!]! }),
    ),
  };
}

interface PackedMemorySeries {
  status: DataStatus;
  id: number[];
  sizeMB: number[];
  peakMemoryMB: number[];
  label: number[];
}

export interface PackedMemoryVsSize extends Omit<MemoryVsSize, "series"> {
  strings: string[];
  series: PackedMemorySeries[];
}

export function packMemoryVsSize({ series, ...rest }: MemoryVsSize, table: StringTable = stringTable()): PackedMemoryVsSize {
  return {
    ...rest,
    series: series.map((s) => ({
      status: s.status,
      id: s.points.map((p) => p.id),
      sizeMB: s.points.map((p) => p.sizeMB),
      peakMemoryMB: s.points.map((p) => p.peakMemoryMB),
      label: s.points.map((p) => table.of(p.label)),
    })),
    strings: table.strings,
  };
}

export function unpackMemoryVsSize({ series, strings, ...rest }: PackedMemoryVsSize): MemoryVsSize {
  return {
    ...rest,
    series: series.map((s) => ({
      status: s.status,
      points: s.id.map((id, i): MemoryPoint => ({ id, sizeMB: s.sizeMB[i]!, peakMemoryMB: s.peakMemoryMB[i]!, label: strings[s.label[i]!]! })),
    })),
  };
}

/**
 * Both scatters with one string table (they plot the same sampled runs, so mostly the same
 * labels): React writes an array that two props share once and refers to it the second time.
 */
export function packScatters(roofline: Roofline, memory: MemoryVsSize): { roofline: PackedRoofline; memory: PackedMemoryVsSize } {
  const table = stringTable();
  const packedRoofline = packRoofline(roofline, table);
  return { roofline: packedRoofline, memory: packMemoryVsSize(memory, table) };
}
