import ArgumentParser
import RegpoolPipeline

/// The `regpool` command: pools centres' registry exports into one CDM cohort.
@main
struct Regpool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regpool",
        abstract: "Pool hospitals' registry exports into one analysis-ready cohort (CDM Parquet + audit).",
        discussion: """
            regpool reads each centre's exports (CSV, XML, CDISC ODM) from its inbox, maps them to the common data \
            model through the centre's mapping file, pseudonymises patients with the consortium key and \
            writes one Parquet file per CDM table, an audit log and a manifest into a new build folder.

            The nightly job is `regpool run pipelines/NAME.yaml`. To see what regpool reads from one \
            export while writing its mapping, use `regpool inspect FILE [--mapping mappings/CENTRE.yaml]`. \
            Before a run, `regpool check pipelines/NAME.yaml` lists every configuration problem, every \
            source value no rule maps and every record or file a run would reject, without writing \
            anything or needing the key. `regpool explain-link pipelines/NAME.yaml CENTRE:ID CENTRE:ID` shows why \
            two local patients are, or are not, one pooled patient. `regpool verify BUILD [--rebuild]` checks a \
            build against its manifest (and makes it again byte for byte); `regpool explain POOLED_ID` shows \
            one patient's whole lineage; `regpool diff BUILD_A BUILD_B` what changed overnight; `regpool stage \
            PIPELINE --centre ID` runs one centre's extraction as a separate job. See README.md, \
            docs/operations.md and docs/scaling.md.

            Exit codes: 0 built (check: nothing to fix); 3 built with rejected inputs (see audit.jsonl); \
            4 check found problems in the data; 5 verify found a file that differs; 64 bad arguments; \
            65 invalid pipeline or mapping file; 66 unreadable inbox or key; 73 build not written; \
            75 another run holds the output folder's lock; 1 other failure.
            """,
        version: "regpool \(RegpoolVersion.number) (build \(RegpoolVersion.build))",
        subcommands: [
            Run.self, Check.self, Inspect.self, ExplainLink.self, Report.self, Verify.self, Explain.self, Diff.self,
            Stage.self,
        ])
}
