/// The briefing's inline stylesheet: system fonts, print-friendly, no external resources.
enum BriefingStyle {
    static let css = """
    :root { --ink: #1d2330; --muted: #5b6575; --rule: #d5dae2; --met: #1e7b34; --likely: #2f7d6d; --hard: #b7791f; --risk: #b42318; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #eef1f5; color: var(--ink); font: 15px/1.5 'DejaVu Sans', 'Noto Sans', 'Segoe UI', Arial, sans-serif; }
    main { max-width: 1060px; margin: 0 auto; padding: 28px 36px 40px; background: #fff; }
    header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 18px; }
    h1 { font-size: 24px; margin: 0 0 4px; line-height: 1.25; }
    h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 16px; margin: 0 0 4px; }
    .plan { margin: 0; color: var(--muted); }
    .meta { margin: 6px 0 0; font-size: 14px; }
    .meta strong { font-weight: 600; }
    .illustrative { border: 2px solid #d99a00; background: #fff7e0; padding: 10px 14px; margin: 14px 0; border-radius: 6px; }
    .illustrative strong { color: #8a5a00; text-transform: uppercase; letter-spacing: .03em; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 6px; font-size: 13.5px; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border: 1px solid var(--rule); padding: 5px 7px; vertical-align: top; }
    thead th { background: #f1f4f8; font-weight: 600; text-align: center; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    td.id { white-space: nowrap; font-weight: 600; }
    td.wording { width: 40%; }
    td.unit { min-width: 6.5em; }
    tr.group td { background: #f7f8fa; font-weight: 600; font-style: italic; }
    .original { display: block; color: var(--muted); font-style: italic; font-size: 12.5px; }
    .status { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12.5px; white-space: nowrap; }
    .status.met { background: var(--met); } .status.likely { background: var(--likely); }
    .status.at-risk { background: var(--hard); } .status.off-track, .status.missed { background: var(--risk); }
    td.state { white-space: nowrap; }
    .note { color: var(--muted); font-size: 13px; }
    section.target { border: 1px solid var(--rule); border-radius: 8px; padding: 14px 16px; margin: 14px 0 18px; break-inside: avoid; }
    .target-head { display: flex; justify-content: space-between; gap: 16px; align-items: baseline; }
    .target-head .state { white-space: nowrap; }
    .wording { margin: 2px 0 8px; }
    .wording .label { color: var(--muted); font-size: 12.5px; }
    .keyfigures { margin: 4px 0 6px; padding-left: 18px; }
    svg.fan { width: 100%; height: auto; display: block; margin: 6px 0; }
    svg.league { width: 100%; max-width: 760px; height: auto; display: block; margin: 6px 0; }
    table.league tr.total td { font-weight: 600; border-top: 1.5px solid #888; }
    table.small { width: auto; min-width: 40%; }
    .effort { background: #fdf1ef; border-left: 4px solid var(--risk); padding: 6px 10px; margin: 8px 0 0; }
    footer { margin-top: 30px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--rule); padding-top: 8px; }
    @media print { body { background: #fff; } main { padding: 0; } section.target { page-break-inside: avoid; } }
    """
}
