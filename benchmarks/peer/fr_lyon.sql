-- benchmarks/peer/fr_lyon.sql — the SQL peer of `mappings/fr-lyon.yaml` (DuckDB 2.0).
--
-- Reads one fr-lyon export (patients_*, traitements_*, greffes_*.csv) and writes the CDM tables
-- regpool writes for it — patients, len_courses, treatment_lines, transplants, outcomes,
-- lab_results, analysis_cohort, exclusions — as sorted ZSTD Parquet, with the same values
-- (benchmarks/sql_peer.py compares them with regpool's build). Pure SQL: no UDF; Python only
-- fills the ${...} placeholders below and runs the script in a child process.
--
-- Placeholders (benchmarks/sql_peer.py fills them; every one is required):
--   ${THREADS}            DuckDB threads
--   ${PATIENTS_FILES}     SQL list of the files matching `patients_*.csv`, in byte order of their names
--   ${TREATMENTS_FILES}   the same for `traitements_*.csv`
--   ${TRANSPLANTS_FILES}  the same for `greffes_*.csv`
--   ${OUT}                output folder (exists)
--   ${IPAD}, ${OPAD}      HMAC-SHA-256 key pads as BLOB literals: (key padded to 64 bytes) XOR
--                         0x36 / 0x5c; the key is the key file's text, trimmed (as regpool's KeyLoader)
--   ${CENTRE}, ${REGION}, ${COHORT_SOURCE}   the pipeline's centre entry (fr-lyon, europe, registry)
--
-- What it leaves out (regpool does it, no table here depends on it): the audit (T3xxx counts,
-- V7xxx events), source_records (lineage and record hashes), linkage across centres (one centre,
-- so every local patient is its own pooled patient, as regpool without `linkage:`), the crosswalk
-- (with the same key and inputs a previous build's crosswalk gives the same ids), the manifest,
-- the data dictionary and the report.
--
-- Semantics followed (docs/mapping.md, docs/validation.md, docs/cohort.md and the Swift sources
-- named at each step). A value goes through the steps of "From source text to CDM value":
--   1. trim ASCII space/tab/CR/LF; a token of `missing` is null       (ByteText.trimmed, CompiledRule)
--   2. `map`: exact label -> token (a label not listed -> null; `unknown:` -> its default)
--   3. typed parse, strict like regpool's parsers: int32 `[+-]digits`, double `[+-]digits[,digits]
--      [e[+-]digits]` with the rule's decimal comma (then x factor), dates dd/MM/yyyy with exactly
--      2/2/4 digits and a real calendar day, years 1..9999             (NumberParser, DatePattern)
--   4. outside the plausible range -> null                              (CDM+Ranges, CompiledRow+Ranges)
--   5. a row is produced when one of its `field` rules gave a value (before the range check); a
--      child row without a required column is left out                 (CompiledRow.build)
-- then records of one patient key are merged (the last record in file order wins, column by
-- column for patients/outcomes, row by natural key for the others; PatientAccumulator), records
-- whose key has no patients row are dropped as orphans (CentreMapper.rejectOrphans), the
-- validation rules run with their default actions (PatientValidator), and the cohort step derives
-- analysis_cohort / exclusions (RegpoolCohort).

SET threads = ${THREADS};
SET preserve_insertion_order = true;   -- tables keep file order: rowid = the record's place
SET default_null_order = 'nulls_first';  -- regpool's sort keys put a null first

-- ============================================================================ value macros
-- Step 1: a cell trimmed of ASCII space, tab, CR, LF; a token of the file's
-- `missing: ["", "NA", "nd"]` is null (the patient key uses the same list; a rule with its own
-- list tests the rest of it itself). read_csv's nullstr already nulls a cell that IS one of the
-- tokens, so trimming (DuckDB's trim with a character set is slow) runs only on a cell that
-- starts or ends with white space.
CREATE OR REPLACE TEMP MACRO tr(x) AS trim(x, E' \t\r\n');
CREATE OR REPLACE TEMP MACRO cell(x) AS
    CASE WHEN regexp_matches(x, '^[ \t\r\n]|[ \t\r\n]$')
         THEN CASE WHEN tr(x) IN ('', 'NA', 'nd') THEN NULL ELSE tr(x) END
         ELSE x END;
-- Step 3, int32 (NumberParser.int32): optional sign and digits only, within Int32.
CREATE OR REPLACE TEMP MACRO int32_(t) AS
    CASE WHEN regexp_full_match(t, '[+-]?[0-9]+') THEN TRY_CAST(t AS INTEGER) END;
-- Step 3, double with `decimal: ","` (NumberParser.double): the strict shape, then the number;
-- non-finite (1e400) is refused like Swift's `isFinite` check.
CREATE OR REPLACE TEMP MACRO dbl_(d) AS CASE WHEN isfinite(d) THEN d END;
CREATE OR REPLACE TEMP MACRO num_comma(t) AS
    CASE WHEN regexp_full_match(t, '[+-]?([0-9]+(,[0-9]*)?|,[0-9]+)([eE][+-]?[0-9]+)?')
         THEN dbl_(TRY_CAST(replace(t, ',', '.') AS DOUBLE)) END;
-- Step 3, `date: dd/MM/yyyy` (DatePattern: MM and dd exactly two digits, yyyy four, year
-- 1..9999, an impossible day such as 31/02 is null).
CREATE OR REPLACE TEMP MACRO dmy(t) AS
    CASE WHEN regexp_full_match(t, '[0-9]{2}/[0-9]{2}/[0-9]{4}') AND substr(t, 7, 4) <> '0000'
         THEN CAST(TRY_STRPTIME(t, '%d/%m/%Y') AS DATE) END;
-- Step 4 (PlausibleRange.contains: bounds included).
CREATE OR REPLACE TEMP MACRO in_range(v, lo, hi) AS CASE WHEN v >= lo AND v <= hi THEN v END;
-- One Crockford base32 digit: the 5 bits of v at `shift` (CrockfordBase32.alphabet).
CREATE OR REPLACE TEMP MACRO b32(v, shift) AS
    substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', CAST((v >> CAST(shift AS HUGEINT)) & CAST(31 AS HUGEINT) AS INTEGER) + 1, 1);
-- ISO text of a date, as in regpool's exclusion sentences (CivilDate.iso).
CREATE OR REPLACE TEMP MACRO iso(d) AS strftime(d, '%Y-%m-%d');

-- ============================================================================ patients_<date>.csv
-- source `patients`: ';', '"', Latin-1 (DuckDB transcodes to UTF-8 while reading, CRLF accepted).
-- A malformed line (field count) is skipped, as regpool rejects it (E1002).
-- The table keeps the records in file order (files in byte order of their names): its rowid
-- is the record's place, which decides between records of one key (the last one wins).
CREATE OR REPLACE TEMP TABLE pat_rec AS
WITH raw AS (
    SELECT *
    FROM read_csv(${PATIENTS_FILES}, delim = ';', quote = '"', escape = '"', header = true,
                  all_varchar = true, encoding = 'latin-1', ignore_errors = true,
                  nullstr = ['', 'NA', 'nd'])
), c AS (
    SELECT
        cell(NUM_PATIENT) AS k,                                   -- patient_key: NUM_PATIENT
        cell(SEXE) AS SEXE, cell(ANNEE_NAISSANCE) AS ANNEE_NAISSANCE, cell(DATE_DIAG) AS DATE_DIAG,
        cell(OMS) AS OMS, cell(SECONDAIRE) AS SECONDAIRE, cell(BLASTES_MO_PCT) AS BLASTES_MO_PCT,
        cell(METHODE_DEL5Q) AS METHODE_DEL5Q, cell(CAT_CYTO) AS CAT_CYTO,
        -- karyotype_iscn has its own missing list: ["", "NA", "nd", "échec"]
        nullif(cell(CARYOTYPE), 'échec') AS CARYOTYPE,
        cell(IPSS) AS IPSS, cell(TP53) AS TP53, cell(HB_G_L) AS HB_G_L,
        cell(PLAQUETTES_G_L) AS PLAQUETTES_G_L, cell(PNN_G_L) AS PNN_G_L, cell(DEP_TRANSF) AS DEP_TRANSF,
        cell(ASE_ANTERIEUR) AS ASE_ANTERIEUR, cell(HMA_ANTERIEUR) AS HMA_ANTERIEUR,
        cell(DATE_DEBUT_LEN) AS DATE_DEBUT_LEN, cell(DATE_FIN_LEN) AS DATE_FIN_LEN,
        cell(DOSE_LEN_MG) AS DOSE_LEN_MG, cell(SCHEMA_LEN) AS SCHEMA_LEN, cell(ASSOCIATION) AS ASSOCIATION,
        cell(CONTEXTE_LEN) AS CONTEXTE_LEN, cell(REPONSE_LEN) AS REPONSE_LEN,
        cell(REPONSE_CYTO) AS REPONSE_CYTO, cell(DATE_ECHEC) AS DATE_ECHEC, cell(TYPE_ECHEC) AS TYPE_ECHEC,
        cell(PROGRESSION_VERS) AS PROGRESSION_VERS, cell(DATE_LAM) AS DATE_LAM, cell(STATUT) AS STATUT,
        cell(DATE_DECES) AS DATE_DECES, cell(DERNIERES_NOUVELLES) AS DERNIERES_NOUVELLES
    FROM raw
), typed AS (
    SELECT k,
        -- ---------------------------------------------------------------- table patients
        CASE SEXE WHEN 'M' THEN 'male' WHEN 'F' THEN 'female' END AS sex,
        int32_(ANNEE_NAISSANCE) AS birth_year_v,                 -- range 1900–2030 below
        dmy(DATE_DIAG) AS diagnosis_date,
        CASE OMS WHEN 'AR' THEN 'ra' WHEN 'ARSC' THEN 'rars' WHEN 'CRDM' THEN 'rcmd'
                 WHEN '5q-' THEN 'del5q_syndrome' WHEN 'AREB-1' THEN 'raeb1' WHEN 'AREB-2' THEN 'raeb2'
                 WHEN 'LAM' THEN 'aml' WHEN 'SMD-I' THEN 'other' END AS who_class,
        CASE SECONDAIRE WHEN 'oui' THEN true WHEN 'non' THEN false END AS therapy_related,
        num_comma(BLASTES_MO_PCT) AS bm_blasts_v,                -- decimal ",", unit %
        CASE METHODE_DEL5Q WHEN 'caryotype' THEN 'karyotype' WHEN 'FISH' THEN 'fish'
                           WHEN 'non montrée' THEN 'none' END AS del5q_method,
        CASE CAT_CYTO WHEN 'del(5q) isolée' THEN 'isolated_del5q' WHEN 'del(5q) + 1 anomalie' THEN 'del5q_plus_one'
                      WHEN 'del(5q) complexe' THEN 'complex_del5q' WHEN 'FISH seule' THEN 'fish_only'
                      WHEN 'sans del(5q)' THEN 'no_del5q' END AS karyotype_category,
        CARYOTYPE AS karyotype_iscn,                             -- string: the text as is
        CASE IPSS WHEN 'faible' THEN 'low' WHEN 'int-1' THEN 'int1' WHEN 'int-2' THEN 'int2'
                  WHEN 'élevé' THEN 'high' END AS ipss_risk,     -- "inconnu": ~ (null)
        CASE TP53 WHEN 'muté' THEN 'mutated' WHEN 'non muté' THEN 'wild_type' END AS tp53_status,  -- "non fait": ~
        num_comma(HB_G_L) * 0.1::DOUBLE AS hb_v,                 -- g/L x 0.1 = g/dL
        HB_G_L AS hb_text,
        num_comma(PLAQUETTES_G_L) AS plt_v, PLAQUETTES_G_L AS plt_text,   -- G/L
        num_comma(PNN_G_L) AS anc_v, PNN_G_L AS anc_text,                 -- G/L
        BLASTES_MO_PCT AS blasts_text,
        CASE DEP_TRANSF WHEN 'oui' THEN true WHEN 'non' THEN false END AS rbc_transfusion_dependent,
        CASE ASE_ANTERIEUR WHEN 'oui' THEN true WHEN 'non' THEN false END AS prior_esa,
        CASE HMA_ANTERIEUR WHEN 'oui' THEN true WHEN 'non' THEN false END AS prior_hma,
        -- ---------------------------------------------------------------- table len_courses
        -- course_number: { value: "1" } (a constant: it does not make a row by itself)
        dmy(DATE_DEBUT_LEN) AS start_date,
        dmy(DATE_FIN_LEN) AS end_date,
        num_comma(DOSE_LEN_MG) AS dose_v,                        -- mg, range 1–50
        CASE WHEN SCHEMA_LEN IS NULL THEN NULL                   -- unknown: other
             WHEN SCHEMA_LEN = 'J1-J21/28' THEN 'd1_21_q28' WHEN SCHEMA_LEN = 'continu' THEN 'continuous'
             ELSE 'other' END AS schedule,
        CASE ASSOCIATION WHEN 'aucune' THEN 'none' WHEN 'ASE' THEN 'esa' WHEN 'azacitidine' THEN 'hma'
                         WHEN 'décitabine' THEN 'hma' WHEN 'chimiothérapie' THEN 'chemotherapy' END AS combined_with,
        CASE CONTEXTE_LEN WHEN 'standard' THEN 'primary'
                          WHEN 'entretien post-allogreffe' THEN 'maintenance_after_transplant' END AS setting,
        CASE REPONSE_LEN WHEN 'RC' THEN 'cr' WHEN 'RP' THEN 'pr' WHEN 'HI-E' THEN 'hi_e' WHEN 'MS' THEN 'sd'
                         WHEN 'PROG' THEN 'pd' WHEN 'NE' THEN 'ne' END AS best_response,
        -- responded is mapped from the same field (NE: ~), so it is not derived
        CASE REPONSE_LEN WHEN 'RC' THEN true WHEN 'RP' THEN true WHEN 'HI-E' THEN true
                         WHEN 'MS' THEN false WHEN 'PROG' THEN false END AS responded,
        CASE REPONSE_CYTO WHEN 'complète' THEN 'complete' WHEN 'partielle' THEN 'partial'
                          WHEN 'aucune' THEN 'none' END AS cytogenetic_response,   -- "non évaluée": ~
        dmy(DATE_ECHEC) AS failure_date,
        CASE TYPE_ECHEC WHEN 'absence de réponse' THEN 'no_response' WHEN 'perte de réponse' THEN 'loss_of_response'
                        WHEN 'intolérance' THEN 'intolerance' WHEN 'progression' THEN 'progression' END AS failure_type,
        CASE PROGRESSION_VERS WHEN 'AREB-2' THEN 'raeb2' WHEN 'LAM' THEN 'aml' END AS progression_to,
        -- ---------------------------------------------------------------- table outcomes
        dmy(DATE_LAM) AS aml_progression_date,
        -- fold: [case, accents]: lowercase, then accents off, on the label and on the map's keys
        CASE strip_accents(lower(STATUT)) WHEN 'vivant' THEN 'alive' WHEN 'decede' THEN 'dead' END AS vital_status,
        dmy(DATE_DECES) AS death_date,
        dmy(DERNIERES_NOUVELLES) AS last_contact_date
    FROM c
    WHERE k IS NOT NULL                                          -- no patient key: rejected (T3005)
)
SELECT *,
    -- step 5: which rows this record produces (a `field` rule gave a value, before the ranges)
    (sex IS NOT NULL OR birth_year_v IS NOT NULL OR diagnosis_date IS NOT NULL OR who_class IS NOT NULL
     OR therapy_related IS NOT NULL OR bm_blasts_v IS NOT NULL OR del5q_method IS NOT NULL
     OR karyotype_category IS NOT NULL OR karyotype_iscn IS NOT NULL OR ipss_risk IS NOT NULL
     OR tp53_status IS NOT NULL OR hb_v IS NOT NULL OR plt_v IS NOT NULL OR anc_v IS NOT NULL
     OR rbc_transfusion_dependent IS NOT NULL OR prior_esa IS NOT NULL OR prior_hma IS NOT NULL) AS gives_patient,
    -- len_courses: start_date is required, and a row needs it (so it also makes the row)
    (start_date IS NOT NULL) AS gives_course,
    -- step 4, the CDM's plausible ranges
    in_range(birth_year_v, 1900, 2030) AS birth_year,
    in_range(bm_blasts_v, 0, 100) AS bm_blasts_pct,
    in_range(hb_v, 2, 20) AS hb_g_dl,
    in_range(plt_v, 0, 3000) AS platelets_g_l,
    in_range(anc_v, 0, 100) AS anc_g_l,
    in_range(dose_v, 1, 50) AS initial_dose_mg
FROM typed;

-- ============================================================================ traitements_<date>.csv
-- source `treatments` (Latin-1, CRLF): one treatment_lines row per record; line_number (range
-- 1–50) and category are required, else the row is left out (T3006).
CREATE OR REPLACE TEMP TABLE line_rec AS
WITH raw AS (
    SELECT *
    FROM read_csv(${TREATMENTS_FILES}, delim = ';', quote = '"', escape = '"', header = true,
                  all_varchar = true, encoding = 'latin-1', ignore_errors = true,
                  nullstr = ['', 'NA', 'nd'])
), c AS (
    SELECT cell(NUM_PATIENT) AS k, cell(LIGNE) AS LIGNE, cell(TYPE) AS TYPE, cell(AGENT) AS AGENT,
           cell(DEBUT) AS DEBUT, cell(FIN) AS FIN, cell(REPONSE) AS REPONSE
    FROM raw
)
SELECT k,
    in_range(int32_(LIGNE), 1, 50) AS line_number,
    CASE TYPE WHEN 'Soins de support' THEN 'bsc' WHEN 'Agent hypométhylant' THEN 'hma'
              WHEN 'Chimiothérapie intensive' THEN 'chemotherapy_intensive'
              WHEN 'Chimiothérapie faible dose' THEN 'chemotherapy_low_dose' WHEN 'ASE' THEN 'esa'
              WHEN 'Allogreffe' THEN 'allo_sct' WHEN 'Autre' THEN 'other' END AS category,
    -- agent is a string column: the map normalises the French names to lowercase INNs
    CASE AGENT WHEN 'Azacitidine' THEN 'azacitidine' WHEN 'Décitabine' THEN 'decitabine'
               WHEN 'Cytarabine faible dose' THEN 'cytarabine' WHEN 'Daunorubicine + cytarabine (3+7)' THEN 'cytarabine'
               WHEN 'Époétine alfa' THEN 'epoetin_alfa' WHEN 'Darbépoétine alfa' THEN 'darbepoetin_alfa'
               WHEN 'Thalidomide' THEN 'thalidomide' WHEN 'Sérum antilymphocytaire' THEN 'antithymocyte_globulin'
               WHEN 'Danazol' THEN 'danazol' WHEN 'Ruxolitinib' THEN 'ruxolitinib'
               WHEN 'Essai clinique' THEN 'investigational' END AS agent,
    dmy(DEBUT) AS start_date,
    dmy(FIN) AS end_date,
    CASE REPONSE WHEN 'RC' THEN 'cr' WHEN 'RP' THEN 'pr' WHEN 'AH' THEN 'hi' WHEN 'MS' THEN 'sd'
                 WHEN 'PROG' THEN 'pd' WHEN 'NE' THEN 'ne' END AS best_response
FROM c
WHERE k IS NOT NULL;

-- ============================================================================ greffes_<date>.csv
-- source `transplants` (UTF-8, LF): transplant_date is required.
CREATE OR REPLACE TEMP TABLE graft_rec AS
WITH raw AS (
    SELECT *
    FROM read_csv(${TRANSPLANTS_FILES}, delim = ';', quote = '"', escape = '"', header = true,
                  all_varchar = true, encoding = 'utf-8', ignore_errors = true,
                  nullstr = ['', 'NA', 'nd'])
), c AS (
    SELECT cell(NUM_PATIENT) AS k, cell(DATE_GREFFE) AS DATE_GREFFE, cell(DONNEUR) AS DONNEUR,
           cell(CONDITIONNEMENT) AS CONDITIONNEMENT, cell(DIRECTEMENT_APRES_LEN) AS DIRECTEMENT_APRES_LEN,
           cell(DATE_RECHUTE) AS DATE_RECHUTE
    FROM raw
)
SELECT k,
    dmy(DATE_GREFFE) AS transplant_date,
    CASE DONNEUR WHEN 'géno-identique' THEN 'matched_related' WHEN 'non apparenté 10/10' THEN 'matched_unrelated'
                 WHEN 'non apparenté 9/10' THEN 'mismatched_unrelated' WHEN 'haplo-identique' THEN 'haploidentical'
                 WHEN 'sang placentaire' THEN 'cord_blood' END AS donor_type,
    CASE CONDITIONNEMENT WHEN 'myéloablatif' THEN 'myeloablative' WHEN 'atténué' THEN 'reduced_intensity' END AS conditioning,
    CASE DIRECTEMENT_APRES_LEN WHEN 'oui' THEN true WHEN 'non' THEN false END AS directly_after_len,
    dmy(DATE_RECHUTE) AS relapse_date
FROM c
WHERE k IS NOT NULL;

-- ============================================================================ merge by patient key
-- One row per key of the patients file (PatientAccumulator): patients and outcomes column by
-- column — each column the last non-null value in record order (arg_max ignores a NULL value; the
-- rowid is the record's place) — and len_courses by its natural key course_number (always 1 here):
-- the whole row of the last record that produced one. n_rec counts the key's records of this file.
-- A key with one record is that record's values: only keys with several go through arg_max.
CREATE OR REPLACE TEMP TABLE pat_merged AS
WITH n AS (
    SELECT k, count(*) AS n_rec FROM pat_rec GROUP BY k
)
SELECT k, gives_patient AS has_patient_row, 1 AS n_rec,
    sex, birth_year, diagnosis_date, who_class, therapy_related, bm_blasts_pct, del5q_method,
    karyotype_category, karyotype_iscn, ipss_risk, tp53_status, hb_g_dl, platelets_g_l, anc_g_l,
    rbc_transfusion_dependent, prior_esa, prior_hma,
    aml_progression_date, vital_status, death_date, last_contact_date,
    CASE WHEN gives_course THEN
        {start_date: start_date, end_date: end_date, initial_dose_mg: initial_dose_mg,
         schedule: schedule, combined_with: combined_with, setting: setting,
         best_response: best_response, responded: responded,
         cytogenetic_response: cytogenetic_response, failure_date: failure_date,
         failure_type: failure_type, progression_to: progression_to} END AS course
FROM pat_rec JOIN n USING (k)
WHERE n.n_rec = 1
UNION ALL
SELECT k,
    bool_or(gives_patient), count(*),
    arg_max(sex, rowid), arg_max(birth_year, rowid), arg_max(diagnosis_date, rowid), arg_max(who_class, rowid),
    arg_max(therapy_related, rowid), arg_max(bm_blasts_pct, rowid), arg_max(del5q_method, rowid),
    arg_max(karyotype_category, rowid), arg_max(karyotype_iscn, rowid), arg_max(ipss_risk, rowid),
    arg_max(tp53_status, rowid), arg_max(hb_g_dl, rowid), arg_max(platelets_g_l, rowid), arg_max(anc_g_l, rowid),
    arg_max(rbc_transfusion_dependent, rowid), arg_max(prior_esa, rowid), arg_max(prior_hma, rowid),
    -- outcomes (merged column by column)
    arg_max(aml_progression_date, rowid), arg_max(vital_status, rowid), arg_max(death_date, rowid),
    arg_max(last_contact_date, rowid),
    -- len_courses: the last record's row (the struct keeps its nulls)
    arg_max({start_date: start_date, end_date: end_date, initial_dose_mg: initial_dose_mg,
             schedule: schedule, combined_with: combined_with, setting: setting,
             best_response: best_response, responded: responded,
             cytogenetic_response: cytogenetic_response, failure_date: failure_date,
             failure_type: failure_type, progression_to: progression_to}, rowid) FILTER (WHERE gives_course)
FROM pat_rec
WHERE k IN (SELECT k FROM n WHERE n_rec > 1)
GROUP BY k;

-- The local patients: the keys with a patients row (CentreMapper.settled); every record of another
-- key is an orphan (T3009) and reaches no table — the joins to local_patient below drop them.
-- n_source_records = every accepted record of the key in the three files (LocalPatient.recordCount).
-- pooled_id (Pseudonymizer.pooledID): "P-" + Crockford base32 (CrockfordBase32.encode) of the
-- first 10 bytes of HMAC-SHA-256(key, centre || 0x1F || local id) over UTF-8;
-- HMAC = H((K^opad) || H((K^ipad) || m)). pid numbers the patients in pooled_id order: the
-- tables below join and sort on it instead of the 18-character id.
CREATE OR REPLACE TEMP TABLE local_patient AS
WITH n_lines AS (SELECT k, count(*) AS n FROM line_rec GROUP BY k),
n_grafts AS (SELECT k, count(*) AS n FROM graft_rec GROUP BY k),
counts AS (
    SELECT m.k, m.n_rec, m.n_rec + coalesce(l.n, 0) + coalesce(g.n, 0) AS n_source_records
    FROM pat_merged m LEFT JOIN n_lines l USING (k) LEFT JOIN n_grafts g USING (k)
    WHERE m.has_patient_row
), mac AS (
    SELECT k, n_rec, n_source_records,
        sha256(${OPAD}::BLOB || unhex(sha256(${IPAD}::BLOB || encode(${CENTRE} || chr(31) || k)))) AS h
    FROM counts
), bits AS (   -- the first 80 bits (20 hex digits) of the digest as one 128-bit number
    SELECT k, n_rec, n_source_records,
        (CAST(CAST('0x' || substr(h, 1, 16) AS UBIGINT) AS HUGEINT) << CAST(16 AS HUGEINT))
            | CAST(CAST('0x' || substr(h, 17, 4) AS UBIGINT) AS HUGEINT) AS v
    FROM mac
), ids AS (   -- 16 Crockford digits, 5 bits each, most significant first
    SELECT k, n_rec, n_source_records,
        'P-' || b32(v, 75) || b32(v, 70) || b32(v, 65) || b32(v, 60) || b32(v, 55) || b32(v, 50)
             || b32(v, 45) || b32(v, 40) || b32(v, 35) || b32(v, 30) || b32(v, 25) || b32(v, 20)
             || b32(v, 15) || b32(v, 10) || b32(v, 5) || b32(v, 0) AS pooled_id
    FROM bits
)
SELECT CAST(row_number() OVER (ORDER BY pooled_id) AS INTEGER) AS pid, * FROM ids;

-- ============================================================================ the CDM rows
-- patients: the merged row + pooled_id, region and cohort_source of the centre, n_source_records.
CREATE OR REPLACE TEMP TABLE cdm_patients AS
SELECT lp.pid, lp.pooled_id, m.sex, m.birth_year, ${REGION} AS region, ${COHORT_SOURCE} AS cohort_source,
    CAST(lp.n_source_records AS INTEGER) AS n_source_records,
    m.diagnosis_date, m.who_class, m.therapy_related, m.bm_blasts_pct, m.del5q_method,
    m.karyotype_category, m.karyotype_iscn, m.ipss_risk, m.tp53_status, m.hb_g_dl, m.platelets_g_l,
    m.anc_g_l, m.rbc_transfusion_dependent, m.prior_esa, m.prior_hma
FROM local_patient lp JOIN pat_merged m USING (k);

-- len_courses + validation: V7010 (end_date before start_date: drop_value) and V7013
-- (progression_to without failure_type progression: drop_value). V7005 / V7012 keep.
CREATE OR REPLACE TEMP TABLE cdm_len_courses AS
SELECT lp.pid, lp.pooled_id, CAST(1 AS INTEGER) AS course_number, m.course.start_date,
    CASE WHEN m.course.end_date < m.course.start_date THEN NULL ELSE m.course.end_date END AS end_date,
    m.course.initial_dose_mg, m.course.schedule, m.course.combined_with, m.course.setting,
    m.course.best_response, m.course.responded, m.course.cytogenetic_response, m.course.failure_date,
    m.course.failure_type,
    CASE WHEN m.course.failure_type IS DISTINCT FROM 'progression' THEN NULL
         ELSE m.course.progression_to END AS progression_to
FROM local_patient lp JOIN pat_merged m USING (k)
WHERE m.course IS NOT NULL;

-- outcomes + validation: V7001 (alive with a death date: the date is dropped); V7002 and the CDM's
-- definition (dead: last contact = death date); V7014 (no vital_status or last_contact_date: the
-- row is left out — a patient whose records gave no outcomes value has no vital_status either).
-- V7003 / V7006 / V7007 keep.
CREATE OR REPLACE TEMP TABLE cdm_outcomes AS
WITH o AS (
    SELECT lp.pid, lp.pooled_id, m.aml_progression_date, m.vital_status,
        CASE WHEN m.vital_status = 'alive' THEN NULL ELSE m.death_date END AS death_date,
        CASE WHEN m.vital_status = 'dead' AND m.death_date IS NOT NULL THEN m.death_date
             ELSE m.last_contact_date END AS last_contact_date
    FROM local_patient lp JOIN pat_merged m USING (k)
)
SELECT * FROM o WHERE vital_status IS NOT NULL AND last_contact_date IS NOT NULL;

-- lab_results: four rows per record (hb, platelets, anc, bm_blasts), dated at LEN start; a row
-- needs sample_date and value (both required). unit = the analyte's canonical unit, source_value =
-- the text as sent (trimmed), source_unit = the rule's unit. Rows are merged by the natural key
-- (sample_date, analyte), the last record's row winning: only a key with several records of the
-- patients file can have two rows with one natural key, so only those go through the GROUP BY.
CREATE OR REPLACE TEMP TABLE cdm_lab_results AS
WITH r AS MATERIALIZED (
    SELECT lp.pid, lp.pooled_id, lp.n_rec, pr.rowid AS rec, pr.start_date AS sample_date, pr.hb_g_dl, pr.hb_text,
           pr.platelets_g_l, pr.plt_text, pr.anc_g_l, pr.anc_text, pr.bm_blasts_pct, pr.blasts_text
    FROM pat_rec pr JOIN local_patient lp USING (k)
    WHERE pr.start_date IS NOT NULL
), labs AS (
    SELECT pid, pooled_id, n_rec, rec, sample_date, 'hb' AS analyte, hb_g_dl AS value, 'g_dl' AS unit,
           hb_text AS source_value, 'g/L' AS source_unit
    FROM r WHERE hb_g_dl IS NOT NULL
    UNION ALL
    SELECT pid, pooled_id, n_rec, rec, sample_date, 'platelets', platelets_g_l, 'g_l_10e9', plt_text, 'G/L'
    FROM r WHERE platelets_g_l IS NOT NULL
    UNION ALL
    SELECT pid, pooled_id, n_rec, rec, sample_date, 'anc', anc_g_l, 'g_l_10e9', anc_text, 'G/L'
    FROM r WHERE anc_g_l IS NOT NULL
    UNION ALL
    SELECT pid, pooled_id, n_rec, rec, sample_date, 'bm_blasts', bm_blasts_pct, 'percent', blasts_text, '%'
    FROM r WHERE bm_blasts_pct IS NOT NULL
)
SELECT pid, pooled_id, sample_date, analyte, value, unit, source_value, source_unit
FROM labs WHERE n_rec = 1
UNION ALL
SELECT pid, pooled_id, sample_date, analyte, w.value, w.unit, w.source_value, w.source_unit
FROM (SELECT pid, pooled_id, sample_date, analyte,
             arg_max({value: value, unit: unit, source_value: source_value, source_unit: source_unit}, rec) AS w
      FROM labs WHERE n_rec > 1
      GROUP BY pid, pooled_id, sample_date, analyte);

-- treatment_lines: merged by line_number (the last record's row wins); orphans dropped by the
-- join; V7011 (end_date before start_date: drop_value); V7009 keeps.
CREATE OR REPLACE TEMP TABLE cdm_treatment_lines AS
WITH kept AS (
    SELECT k, line_number,
        arg_max({category: category, agent: agent, start_date: start_date, end_date: end_date,
                 best_response: best_response}, rowid) AS r
    FROM line_rec
    WHERE line_number IS NOT NULL AND category IS NOT NULL
    GROUP BY k, line_number
)
SELECT lp.pid, lp.pooled_id, kept.line_number, kept.r.category, kept.r.agent, kept.r.start_date,
    CASE WHEN kept.r.end_date < kept.r.start_date THEN NULL ELSE kept.r.end_date END AS end_date,
    kept.r.best_response
FROM kept JOIN local_patient lp USING (k);

-- transplants: merged by transplant_date; V7008 keeps. (fr-lyon has no `derive:`, so no row or
-- directly_after_len is derived from the lines.)
CREATE OR REPLACE TEMP TABLE cdm_transplants AS
WITH kept AS (
    SELECT k, transplant_date,
        arg_max({donor_type: donor_type, conditioning: conditioning, directly_after_len: directly_after_len,
                 relapse_date: relapse_date}, rowid) AS r
    FROM graft_rec
    WHERE transplant_date IS NOT NULL
    GROUP BY k, transplant_date
)
SELECT lp.pid, lp.pooled_id, kept.transplant_date, kept.r.donor_type, kept.r.conditioning,
       kept.r.directly_after_len, kept.r.relapse_date
FROM kept JOIN local_patient lp USING (k);

-- The records and the merged rows are not needed any more (memory back before the cohort step).
DROP TABLE pat_rec;
DROP TABLE line_rec;
DROP TABLE graft_rec;
DROP TABLE pat_merged;

-- ============================================================================ the cohort step
-- PatientFacts of every patient (RegpoolCohort): the patients row, its (only) LEN course after
-- validation — which is also the index course and gives the LEN start —, the outcomes row after
-- validation (absent when V7014 left it out), line 1's category, any transplant on/after failure.
CREATE OR REPLACE TEMP TABLE facts AS
SELECT p.pid, p.pooled_id, p.sex, p.birth_year, p.region, p.cohort_source, p.diagnosis_date, p.who_class,
    p.therapy_related, p.bm_blasts_pct AS blasts, p.del5q_method, p.karyotype_category AS karyotype,
    c.course_number IS NOT NULL AS has_course, c.course_number, c.start_date, c.end_date,
    c.initial_dose_mg AS dose, c.combined_with, c.setting, c.responded, c.failure_date, c.failure_type,
    o.vital_status IS NOT NULL AS has_outcome, o.vital_status, o.death_date, o.last_contact_date AS last_contact,
    o.aml_progression_date AS aml_date,
    coalesce(l1.category, 'unknown') AS first_line_category,
    coalesce(t.allo, false) AS allo_sct
FROM cdm_patients p
LEFT JOIN cdm_len_courses c USING (pid)
LEFT JOIN cdm_outcomes o USING (pid)
LEFT JOIN (SELECT pid, category FROM cdm_treatment_lines WHERE line_number = 1) l1 USING (pid)
LEFT JOIN (SELECT t.pid, bool_or(t.transplant_date >= c.failure_date) AS allo
           FROM cdm_transplants t JOIN cdm_len_courses c USING (pid) GROUP BY t.pid) t USING (pid);

-- Eligibility (Eligibility.swift, Eligibility+Dates.swift): the first failed criterion, with the
-- same sentence as regpool's exclusions.detail.
CREATE OR REPLACE TEMP TABLE judged AS
SELECT *,
    CASE
        -- 1. no_del5q
        WHEN ((del5q_method IS NULL OR del5q_method = 'none') AND (karyotype IS NULL OR karyotype = 'no_del5q'))
             OR karyotype = 'no_del5q'
            THEN ['no_del5q', 'del(5q) is not shown: del5q_method is ' || coalesce(del5q_method, 'not known')
                  || ' and karyotype_category is ' || coalesce(karyotype, 'not known')]
        -- 2. not_mds
        WHEN who_class IS NULL
            THEN ['not_mds', 'no WHO 2008 MDS class is recorded (who_class is not known)']
        -- 3. raeb2_or_aml_at_len_start (Swift prints the double as DuckDB does: 10.0, 12.5)
        WHEN who_class IN ('raeb2', 'aml')
            THEN ['raeb2_or_aml_at_len_start', 'who_class is ' || who_class || ' at LEN start']
        WHEN blasts >= 10
            THEN ['raeb2_or_aml_at_len_start', 'bone-marrow blasts are ' || CAST(blasts AS VARCHAR)
                  || ' % at LEN start (10 % or more)']
        -- 4. len_not_single_agent (the index course)
        WHEN has_course AND combined_with IN ('hma', 'chemotherapy')
            THEN ['len_not_single_agent',
                  'LEN course ' || CAST(course_number AS VARCHAR) || ' was combined with ' || combined_with]
        -- 5. len_maintenance_after_transplant
        WHEN has_course AND setting = 'maintenance_after_transplant'
            THEN ['len_maintenance_after_transplant',
                  'LEN course ' || CAST(course_number AS VARCHAR) || ' was given as maintenance after transplant']
        -- 6. no_documented_failure
        WHEN NOT has_course
            THEN ['no_documented_failure', 'no LEN course is recorded']
        WHEN failure_date IS NULL OR failure_type IS NULL
            THEN ['no_documented_failure',
                  'none of the 1 LEN course(s) has both a failure_date and a failure_type']
        -- 7. inconsistent_dates
        WHEN failure_date < start_date
            THEN ['inconsistent_dates', 'failure_date ' || iso(failure_date) || ' is before the start of LEN course '
                  || CAST(course_number AS VARCHAR) || ' (' || iso(start_date) || ')']
        WHEN diagnosis_date > start_date
            THEN ['inconsistent_dates', 'diagnosis_date ' || iso(diagnosis_date) || ' is after the start of LEN ('
                  || iso(start_date) || ')']
        WHEN NOT has_outcome
            THEN ['inconsistent_dates',
                  'no outcomes row with a vital status: survival after LEN failure cannot be computed']
        WHEN death_date < failure_date
            THEN ['inconsistent_dates', 'death_date ' || iso(death_date) || ' is before the LEN failure ('
                  || iso(failure_date) || ')']
        WHEN last_contact < failure_date
            THEN ['inconsistent_dates', 'last_contact_date ' || iso(last_contact) || ' is before the LEN failure ('
                  || iso(failure_date) || ')']
        WHEN vital_status = 'dead' AND death_date IS NULL
            THEN ['inconsistent_dates',
                  'vital_status is dead without a death_date: survival after LEN failure cannot be computed']
        WHEN last_contact IS NULL
            THEN ['inconsistent_dates', 'last_contact_date is not known: survival after LEN failure cannot be computed']
        -- AnalysisRow.build gives no row when os_months is not known (PatientAssembly.addCohortRow)
        WHEN (CASE WHEN vital_status = 'dead' THEN death_date ELSE last_contact END) IS NULL
            THEN ['inconsistent_dates', 'a required analysis variable is not known']
    END AS excluded
FROM facts;

-- analysis_cohort (AnalysisRow, AnalysisVariables): months = days / 30.4375; age from 2 July of
-- the birth year over 365.25 (date - date is a day count: the same doubles as regpool's).
CREATE OR REPLACE TEMP TABLE cdm_analysis_cohort AS
WITH v AS (
    SELECT *, (start_date - make_date(birth_year, 7, 2)) / 365.25 AS age,
        vital_status = 'dead' AS dead,
        aml_date IS NOT NULL AND aml_date >= failure_date AS aml_hit
    FROM judged WHERE excluded IS NULL
)
SELECT pid, pooled_id,
    age AS age_at_len_start,
    age >= 75 AS age_75_plus,
    sex, region, cohort_source,
    karyotype AS karyotype_category,
    karyotype = 'complex_del5q' AS adverse_karyotype,
    CASE WHEN who_class IS NULL AND blasts IS NULL THEN NULL
         WHEN who_class = 'raeb1' THEN true
         WHEN blasts >= 5 AND blasts < 10 THEN true
         ELSE false END AS raeb_at_len_start,
    therapy_related,
    responded AS len_responded,
    dose >= 10 AS len_dose_10mg,
    (coalesce(end_date, failure_date) - start_date) / 30.4375 AS len_duration_months,
    failure_type,
    first_line_category,
    allo_sct,
    ((CASE WHEN dead THEN death_date ELSE last_contact END) - failure_date) / 30.4375 AS os_months,
    dead AS os_event,
    CASE WHEN aml_hit THEN (aml_date - failure_date) / 30.4375
         ELSE (last_contact - failure_date) / 30.4375 END AS aml_months,
    CASE WHEN aml_hit THEN true WHEN last_contact IS NOT NULL THEN false END AS aml_event
FROM v;

CREATE OR REPLACE TEMP TABLE cdm_exclusions AS
SELECT pid, pooled_id, excluded[1] AS reason, excluded[2] AS detail
FROM judged WHERE excluded IS NOT NULL;

DROP TABLE facts;
DROP TABLE judged;

-- ============================================================================ write
-- One ZSTD Parquet file per table, rows in the contract's order (TableData.sorted): pooled_id
-- (pid is its rank), then the natural key.
COPY (SELECT * EXCLUDE (pid) FROM cdm_patients ORDER BY pid)
    TO '${OUT}/patients.parquet' (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * EXCLUDE (pid) FROM cdm_len_courses ORDER BY pid, course_number)
    TO '${OUT}/len_courses.parquet' (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * EXCLUDE (pid) FROM cdm_treatment_lines ORDER BY pid, line_number)
    TO '${OUT}/treatment_lines.parquet' (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * EXCLUDE (pid) FROM cdm_transplants ORDER BY pid, transplant_date)
    TO '${OUT}/transplants.parquet' (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * EXCLUDE (pid) FROM cdm_outcomes ORDER BY pid)
    TO '${OUT}/outcomes.parquet' (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * EXCLUDE (pid) FROM cdm_lab_results ORDER BY pid, sample_date, analyte)
    TO '${OUT}/lab_results.parquet' (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * EXCLUDE (pid) FROM cdm_analysis_cohort ORDER BY pid)
    TO '${OUT}/analysis_cohort.parquet' (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * EXCLUDE (pid) FROM cdm_exclusions ORDER BY pid)
    TO '${OUT}/exclusions.parquet' (FORMAT parquet, COMPRESSION zstd);
