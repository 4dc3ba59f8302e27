// Placeholder until the view is built.
export default function RequirementEditor() {
  return <p>RequirementEditor</p>;
}
