/** A labelled progress bar; the label is what screen readers announce with the value. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress">
      <progress max={100} value={percent} aria-label={label} />
      <span className="progress-value" aria-hidden="true">
        {percent} %
      </span>
    </div>
  );
}
