/**
 * Text that may hold Chinese words inside another language (the English "map-review number
 * (审图号)"): each run of Chinese is marked `lang="zh-Hans"`, so screen readers and fonts
 * treat it as Chinese. In a Chinese page nothing needs marking.
 */
import { useAtlas } from './atlas-context';

/** A run of Han characters, with the punctuation inside it. */
const HAN_RUN = /(\p{Script=Han}(?:[\p{Script=Han}\p{P}\s]*\p{Script=Han})?)/u;

/** The text split into plain and Chinese runs, in order. */
export function hanRuns(text: string): { text: string; han: boolean }[] {
  return text
    .split(HAN_RUN)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, han: HAN_RUN.test(part) }));
}

export function MarkedText({ text }: { text: string }) {
  const { lang } = useAtlas();
  if (lang === 'zh') return text;
  return (
    <>
      {hanRuns(text).map((run, index) =>
        run.han ? (
          <span key={index} lang="zh-Hans">
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </>
  );
}
