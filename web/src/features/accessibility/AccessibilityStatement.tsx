// Placeholder until the view is built.
export default function AccessibilityStatement() {
  return <p>AccessibilityStatement</p>;
}
