tracebriefSearch.terms("up",{"upwards":"k"});
