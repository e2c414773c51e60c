/**
 * The Docker host's rules: `iptables-save -c` grouped by table and chain, with
 * the rules the last trace passed highlighted and the deciding one most; after
 * an IPv6 trace, `ip6tables-save -c` (the rules that packet met).
 */
import { useMemo } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useApp } from '../state/context.ts';
import { parseIptablesSave, ruleKey, traceFamily, traceRuleMarks } from './parse.ts';

export function RulesPanel() {
  const { t } = useTranslation();
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  const trace = useApp((s) => s.trace);
  const family = traceFamily(trace?.trace);
  const tables = useMemo(() => {
    void rev; // the rules change with every command
    const host = sim.kernel.netns('host');
    return host ? parseIptablesSave(host.netfilter.save(['-c'], family, sim.kernel.now).stdout) : [];
  }, [sim, rev, family]);
  const marks = useMemo(() => traceRuleMarks(trace?.trace), [trace]);

  return (
    <div className="rules-panel" data-testid="rules">
      <div className="rules-head">
        <code>{family === 6 ? 'ip6tables-save -c' : 'iptables-save -c'}</code> <span className="muted">· dockerhost</span>
        <span className="legend">
          <span className="rule-mark passed">{t('rules.passed')}</span>
          <span className="rule-mark verdict">{t('rules.verdict')}</span>
          <span className="rule-mark final">{t('rules.final')}</span>
        </span>
      </div>
      {tables.map((table) => (
        <section key={table.name} className="rules-table" aria-label={`*${table.name}`}>
          <h3 className="mono">*{table.name}</h3>
          {table.chains.map((chain) => {
            const policyMark = marks.get(ruleKey(table.name, chain.name, 0));
            return (
              <div key={chain.name} className="chain">
                <div className={`chain-head mono${policyMark ? ` mark-${policyMark}` : ''}`}>
                  :{chain.name} {chain.policy} <span className="muted">[{chain.packets}:{chain.bytes}]</span>
                </div>
                {chain.rules.length > 0 && (
                  <ol className="chain-rules">
                    {chain.rules.map((rule) => {
                      const mark = marks.get(ruleKey(table.name, chain.name, rule.num));
                      return (
                        <li key={rule.num} className={`rule mono${mark ? ` mark-${mark}` : ''}`} data-mark={mark ?? ''}>
                          <span className="rule-num">{rule.num}</span>
                          <span className="rule-counters muted">[{rule.packets}:{rule.bytes}]</span>
                          <span className="rule-text">{rule.text}</span>
                        </li>
                      );
                    })}
                  </ol>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
