/// The page's stylesheet, with a print layout for A4.
enum StyleTemplate {
    static let text = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 14px; color: #1a1a1a; margin: 24px auto; max-width: 980px; }
        h1 { font-size: 22px; margin-bottom: 4px; }
        h2 { font-size: 18px; border-bottom: 1px solid #999; padding-bottom: 2px; margin-top: 32px; }
        h3 { font-size: 15px; margin-top: 20px; }
        .meta { color: #555; }
        table { border-collapse: collapse; margin: 8px 0 16px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.level { padding-left: 24px; }
        td.low { background: #fde2e1; }
        svg { display: block; margin: 8px 0; }
        svg text { font-family: inherit; font-size: 11px; fill: #1a1a1a; }
        svg .axis { stroke: #1a1a1a; stroke-width: 1; }
        svg .grid { stroke: #e3e3e3; stroke-width: 1; }
        svg .box { fill: #f2f6fa; stroke: #1b6ca8; }
        svg .side { fill: #fff7e6; stroke: #b07d18; }
        svg .arrow { stroke: #1a1a1a; stroke-width: 1.5; marker-end: url(#arrowhead); }
        .note { color: #555; font-size: 12px; }
        section { page-break-inside: avoid; }
        @media print {
          body { margin: 0; max-width: none; font-size: 11px; }
          section { page-break-before: always; }
          section:first-of-type { page-break-before: auto; }
          td.low { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        @page { size: A4; margin: 15mm; }
        """
}
