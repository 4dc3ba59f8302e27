// Placeholder until the view is built.
export default function SkillGapView() {
  return <p>SkillGapView</p>;
}
