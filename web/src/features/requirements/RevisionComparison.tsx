// Placeholder until the view is built.
export default function RevisionComparison() {
  return <p>RevisionComparison</p>;
}
