tracebriefSearch.terms("ad",{"adrian":"1"});
