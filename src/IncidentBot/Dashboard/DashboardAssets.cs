namespace IncidentBot.Dashboard;

/// <summary>The dashboard's stylesheet and script, served from memory.</summary>
internal static class DashboardAssets
{
    public const string Css = """
        :root { --bg: #fafafa; --fg: #1c1c1c; --muted: #666; --line: #ddd; --sev1: #b00020; --sev2: #d35400; --sev3: #b08900; --sev4: #4a6fa5; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--fg); }
        header.top { background: #1f2430; color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1rem; align-items: baseline; }
        header.top a { color: #fff; text-decoration: none; font-weight: 600; }
        main { padding: 1rem 1.2rem; max-width: 80rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
        th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
        tr.resolved td { color: var(--muted); }
        tr.action-done td { color: var(--muted); } .action-open { color: #c62828; } .action-done { color: #2e7d32; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
        .sev-SEV1 { color: var(--sev1); } .sev-SEV2 { color: var(--sev2); } .sev-SEV3 { color: var(--sev3); } .sev-SEV4 { color: var(--sev4); }
        .status-resolved { color: #2e7d32; } .status-monitoring { color: #00838f; } .status-identified { color: #6a1b9a; } .status-investigating { color: #c62828; }
        .drill { background: repeating-linear-gradient(45deg, #fff3cd, #fff3cd 10px, #ffe8a1 10px, #ffe8a1 20px); padding: .5rem 1rem; font-weight: 700; letter-spacing: .1em; }
        .figures { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
        .figure { background: #fff; border: 1px solid var(--line); padding: .5rem .9rem; min-width: 10rem; }
        .figure .label { color: var(--muted); font-size: 12px; }
        .figure .value { font-size: 20px; font-weight: 600; }
        .muted { color: var(--muted); }
        section { margin: 1.2rem 0; }
        td.when { white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.text { white-space: pre-wrap; word-break: break-word; }
        .summary { white-space: pre-wrap; word-break: break-word; font: inherit; background: #fff; border: 1px solid var(--line); padding: .8rem; margin: 0; }
        """;

    /// <summary>Polls the timeline for entries after the last one shown and, when there are new ones, refreshes the headline figures.</summary>
    public const string Js = """
        (function () {
          const table = document.getElementById('timeline');
          if (!table) return;
          const number = table.dataset.incident;
          const body = table.querySelector('tbody');
          let last = Number(table.dataset.last || 0);
          function cell(text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }
          function when(iso) { return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'); }
          async function poll() {
            try {
              const r = await fetch('/api/incidents/' + number + '/timeline?after=' + last, { credentials: 'same-origin' });
              let moved = false;
              if (r.ok) {
                for (const e of await r.json()) {
                  moved = true;
                  const tr = document.createElement('tr');
                  tr.dataset.id = e.id; tr.dataset.kind = e.kind;
                  tr.append(cell(when(e.at), 'when'), cell(e.actor), cell(e.kind.replace(/_/g, ' ')), cell(e.text, 'text'));
                  body.append(tr); last = Math.max(last, e.id);
                }
              }
              // Every change of the incident writes a timeline entry: the figures are fetched only when one came.
              const s = moved ? await fetch('/api/incidents/' + number, { credentials: 'same-origin' }) : null;
              if (s && s.ok) {
                const i = (await s.json()).incident;
                for (const el of document.querySelectorAll('[data-field]')) {
                  const v = el.dataset.field.split('.').reduce((o, k) => o == null ? null : o[k], i);
                  if (el.dataset.kind === 'duration') el.textContent = v == null ? '—' : human(v);
                  else if (el.dataset.kind === 'person') el.textContent = v == null ? 'unassigned' : person(v);
                  else if (v != null) el.textContent = v;
                }
              }
            } catch (e) { /* the next poll tries again */ }
            setTimeout(poll, 3000);
          }
          function person(u) { const m = /^<@([^|>]+)(?:\|([^>]+))?>$/.exec(u); return '@' + (m ? (m[2] || m[1]) : u); }
          function human(s) {
            if (s < 60) return Math.floor(s) + 's';
            if (s < 3600) return Math.floor(s / 60) + 'm ' + String(Math.floor(s % 60)).padStart(2, '0') + 's';
            if (s < 86400) return Math.floor(s / 3600) + 'h ' + String(Math.floor(s % 3600 / 60)).padStart(2, '0') + 'm';
            return Math.floor(s / 86400) + 'd ' + Math.floor(s % 86400 / 3600) + 'h';
          }
          setTimeout(poll, 3000);
        })();
        """;
}
