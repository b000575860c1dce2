import Link from "next/link";

export default function SharedPlanNotFound() {
  return (
    <div className="not-found" data-testid="shared-not-found">
      <h1>No such shared plan</h1>
      <p>The link is incomplete, mistyped, or was never saved. Shared links look like /s/ followed by 12 letters and digits.</p>
      <p>
        <Link href="/plan">Open the planner</Link>
      </p>
    </div>
  );
}
